using System.Globalization;
using System.Security.Claims;
using Attune.App.Common;
using Attune.App.Features.Insights;
using Attune.Web.Features.Organisation;
using Attune.Web.Features.Security;
using Attune.Web.Hosting;

namespace Attune.Web.Features.Insights;

internal static class InsightsEndpoints
{
    public static void MapInsights(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/insights").WithTags("Insights");
        group.MapGet("/scorecard", async (Scorecard scorecard, CancellationToken ct, string? from, string? to) =>
            {
                if (Date("from", from) is { Error: { } fromError })
                {
                    return Problems.From(fromError);
                }
                if (Date("to", to) is { Error: { } toError })
                {
                    return Problems.From(toError);
                }
                return (await scorecard.GetAsync(Date("from", from).Value, Date("to", to).Value, ct)).Ok();
            })
            .RequireAuthorization(Policies.Lead)
            .WithSummary("The balanced scorecard over whole UTC days from..to (yyyy-MM-dd, inclusive; default the last 30 days): efficiency beside meaning, with a daily series; leads and admins only.");
        group.MapGet("/team", async (Team team, CancellationToken ct) => TypedResults.Ok(await team.GetAsync(ct)))
            .RequireAuthorization(Policies.Lead)
            .WithSummary("The team now: each agent's load, status and open work; SLA risks, escalations, vulnerable customers waiting, coaching moments and moments to recognise; leads and admins only.");
        group.MapGet("/my-day", async (MyDay myDay, ClaimsPrincipal user, CancellationToken ct, long? agentId) =>
            (await MyDayOfAsync(myDay, user, agentId, ct)).Ok())
            .RequireAuthorization(Policies.Read)
            .WithSummary("The signed-in agent's day: conversations handled, emotional load over the shift, a break suggestion when load is high. Leads and admins may pass agentId.");
    }

    internal static async Task<Result<MyDayView>> MyDayOfAsync(MyDay myDay, ClaimsPrincipal user, long? agentId, CancellationToken ct)
    {
        var by = user.Requester();
        var own = await myDay.AgentOfAsync(by.UserId, user.Identity?.Name, ct);
        if (agentId is { } requested && requested != own && !by.IsLead)
        {
            return Failure.Forbidden("Only leads and admins can see another agent's day.");
        }
        if ((agentId ?? own) is not { } agent)
        {
            return Failure.Invalid("agentId", "You are not linked to an agent; pass agentId to see an agent's day.");
        }
        return await myDay.GetAsync(agent, ct);
    }

    private static Result<DateOnly?> Date(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Result.Ok<DateOnly?>(null);
        }
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? Result.Ok<DateOnly?>(day)
            : Failure.Invalid(field, $"{field} '{text}' is not a date (use yyyy-MM-dd, e.g. 2026-11-01).");
    }
}
