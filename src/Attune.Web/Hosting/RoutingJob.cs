using Attune.App.Jobs;

namespace Attune.Web.Hosting;

/// <summary>Drives <see cref="ConversationRouter.RunOnceAsync"/> then <see cref="SlaWatcher.RunOnceAsync"/> on a timer; the work itself lives in App.</summary>
internal sealed class RoutingJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RoutingJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                int routed;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    routed = await scope.ServiceProvider.GetRequiredService<ConversationRouter>().RunOnceAsync(stoppingToken);
                }
                while (routed > 0 && !stoppingToken.IsCancellationRequested);
                // In the same loop as routing, so the two never save an agent's load over each other.
                await using var sla = scopes.CreateAsyncScope();
                await sla.ServiceProvider.GetRequiredService<SlaWatcher>().RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Routing or SLA watch failed; retrying on the next tick");
            }
        }
    }
}
