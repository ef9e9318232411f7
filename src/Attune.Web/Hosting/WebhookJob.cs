using Attune.App.Jobs;

namespace Attune.Web.Hosting;

/// <summary>Drives <see cref="WebhookDispatcher.RunOnceAsync"/> on a timer; the work itself lives in App.</summary>
internal sealed class WebhookJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<WebhookJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                int sent;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    sent = await scope.ServiceProvider.GetRequiredService<WebhookDispatcher>().RunOnceAsync(stoppingToken);
                }
                while (sent > 0 && !stoppingToken.IsCancellationRequested);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Webhook dispatch failed; retrying on the next tick");
            }
        }
    }
}
