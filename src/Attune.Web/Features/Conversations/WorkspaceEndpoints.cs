using System.Security.Claims;
using Attune.App.Features.Coaching;
using Attune.App.Features.Conversations;
using Attune.App.Features.Security;
using Attune.Web.Features.Security;
using Attune.Web.Hosting;

namespace Attune.Web.Features.Conversations;

/// <summary>The agent workspace: the inbox queues, the commands on a conversation and the coaching preview.</summary>
internal static class WorkspaceEndpoints
{
    public static void MapWorkspace(this RouteGroupBuilder api)
    {
        api.MapGet("/inbox", async (InboxQueries inbox, ClaimsPrincipal user, CancellationToken ct,
                string? desk, bool? mine, string? status, bool? vulnerable, string? urgency, string? sort, int take = 100) =>
            (await inbox.QueueAsync(new InboxFilter(desk, mine ?? false, status, vulnerable, urgency, sort, take), user.Viewer(), ct)).Ok())
            .RequireAuthorization(Policies.Read).WithTags("Inbox")
            .WithSummary("A queue of open and pending conversations (a desk's, or mine); sort by sla (default), urgency or newest. "
                + "Vulnerability details only for vulnerability-trained agents, leads and admins.");

        api.MapPost("/coaching/assess", async (CoachingRequest request, CoachingPreview preview, CancellationToken ct) =>
            (await preview.AssessAsync(request, ct)).Ok())
            .RequireAuthorization(Policies.Read).WithTags("Coaching")
            .WithSummary("Assesses a draft reply (empathy in action: score, flags, suggestions, acts), against the conversation's latest customer reading when conversationId is given.");

        // Commands act as a person: a signed-in agent, lead or admin, never an API key.
        var c = api.MapGroup("/conversations/{id:long}").RequireAuthorization(p => p.RequireRole(Roles.All)).WithTags("Conversations");
        c.MapPost("/replies", async (long id, ReplyRequest request, ConversationCommands commands, ClaimsPrincipal user, CancellationToken ct) =>
            (await commands.ReplyAsync(id, request, user.Viewer(), ct)).Created(m => $"/api/v1/conversations/{id}"))
            .WithSummary("Sends an agent reply; stored like any ingested agent reply. clientId makes a retry safe.");
        c.MapPost("/assign", async (long id, AssignRequest request, ConversationCommands commands, ClaimsPrincipal user, CancellationToken ct) =>
            (await commands.AssignAsync(id, request, user.Viewer(), ct)).Ok())
            .WithSummary("Assigns to an agent (agentId null unassigns); a vulnerable customer only to a vulnerability-trained agent.");
        c.MapPost("/transfer", async (long id, TransferRequest request, ConversationCommands commands, ClaimsPrincipal user, CancellationToken ct) =>
            (await commands.TransferAsync(id, request, user.Viewer(), ct)).Ok())
            .WithSummary("Transfers to a desk's queue (the assignee is cleared).");
        c.MapPost("/status", async (long id, ConversationStatusRequest request, ConversationCommands commands, ClaimsPrincipal user, CancellationToken ct) =>
            (await commands.SetStatusAsync(id, request, user.Viewer(), ct)).Ok())
            .WithSummary("Sets the status: open, pending, resolved or closed.");
        c.MapPost("/notes", async (long id, NoteRequest request, ConversationCommands commands, ClaimsPrincipal user, CancellationToken ct) =>
            (await commands.AddNoteAsync(id, request, user.Viewer(), ct)).Created(m => $"/api/v1/conversations/{id}"))
            .WithSummary("Adds an internal note: on the timeline, never sent to the customer, not a reply.");
    }

    public static Viewer Viewer(this ClaimsPrincipal user) =>
        new(user.Actor(), [.. user.FindAll(ClaimTypes.Role).Select(r => r.Value)]);
}
