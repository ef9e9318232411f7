using Attune.App.Common;
using Attune.App.Data;
using Attune.App.Data.Entities;
using Attune.App.Features.Ingestion;
using Attune.App.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Attune.App.Features.Conversations;

public sealed record ReplyRequest(string? Text, string? ClientId = null);

public sealed record AssignRequest(long? AgentId);

public sealed record TransferRequest(string? Desk);

public sealed record ConversationStatusRequest(string? Status);

public sealed record NoteRequest(string? Text);

/// <summary>An agent who could take the conversation; <see cref="Refused"/> says why not when they cannot.</summary>
public sealed record AssigneeOption(long Id, string Name, string? Desk, bool VulnerabilityTrained, string Status, string? Refused);

/// <summary>The conversation after a command.</summary>
public sealed record UpdatedConversation(long Id, string Status, string? Desk, string? Assignee);

/// <summary>What an agent does to a conversation from the workspace; each command is audited and announced on the hub.</summary>
public sealed class ConversationCommands(AttuneDb db, IngestMessage ingest, Audit audit, WriteGate gate, ConversationEvents events, TimeProvider clock)
{
    /// <summary>Where workspace messages come from; with the message's own id it keeps retries idempotent.</summary>
    public const string Source = "attune";

    /// <summary>Sends a reply as the viewer's agent, through the ingest writer so metrics and webhooks see it like any reply.</summary>
    public async Task<Result<IngestedMessage>> ReplyAsync(long id, ReplyRequest request, Viewer viewer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(viewer);
        if (Text(request.Text, "text") is { } invalid)
        {
            return invalid;
        }
        if (request.ClientId is { Length: > 100 })
        {
            return Failure.Invalid("clientId", "clientId is longer than 100 characters.");
        }
        var conversation = await db.Conversations.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.Channel }).FirstOrDefaultAsync(ct);
        if (conversation is null)
        {
            return Failure.NotFound($"Conversation {id}");
        }
        var me = await ViewerAgent.ForAsync(db, viewer, ct);
        var agentEmail = me.AgentId is { } agentId ? await db.Agents.Where(a => a.Id == agentId).Select(a => a.Email).FirstAsync(ct) : null;
        var externalId = "reply-" + (request.ClientId ?? Guid.NewGuid().ToString("N"));
        var sent = await ingest.IntoAsync(id, new IngestMessageRequest(Source, externalId, request.Text!.Trim(),
            Channel: conversation.Channel.ToString(), Author: nameof(Author.Agent), AgentEmail: agentEmail), ct);
        if (sent.IsOk && sent.Value!.Created)
        {
            await audit.RecordAsync(viewer.Actor, "conversation.replied", Subject(id), $"message:{sent.Value.MessageId}", ct);
        }
        return sent;
    }

    /// <summary>Assigns the conversation to an agent (null: unassigns). A conversation with a vulnerable customer
    /// goes only to a vulnerability-trained agent.</summary>
    public async Task<Result<UpdatedConversation>> AssignAsync(long id, AssignRequest request, Viewer viewer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(viewer);
        var c = await db.Conversations.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.NeedsTrainedAgent, c.Vulnerable }).FirstOrDefaultAsync(ct);
        if (c is null)
        {
            return Failure.NotFound($"Conversation {id}");
        }
        string detail;
        if (request.AgentId is { } agentId)
        {
            var agent = await db.Agents.AsNoTracking().Where(a => a.Id == agentId)
                .Select(a => new { a.Name, a.VulnerabilityTrained }).FirstOrDefaultAsync(ct);
            if (agent is null)
            {
                return Failure.Invalid("agentId", $"agentId {agentId} is not an agent (see GET /api/v1/agents).");
            }
            if ((c.NeedsTrainedAgent || c.Vulnerable) && !agent.VulnerabilityTrained)
            {
                return Failure.Invalid("agentId",
                    $"{agent.Name} is not vulnerability-trained, and this conversation needs a vulnerability-trained agent because the customer "
                    + (c.NeedsTrainedAgent ? "was routed as needing one (their messages show a vulnerability)." : "shows signs of vulnerability.")
                    + " Choose a trained agent or ask a lead.");
            }
            detail = agent.Name;
        }
        else
        {
            detail = "unassigned";
        }
        var assignee = request.AgentId;
        await UpdateAsync(id, s => s.SetProperty(x => x.AssigneeId, assignee), ct);
        await audit.RecordAsync(viewer.Actor, "conversation.assigned", Subject(id), detail, ct);
        return await StateAsync(id, ct);
    }

    /// <summary>Every agent, with the reason an assignment to them would be refused (so the workspace can say so up front).</summary>
    public async Task<Result<IReadOnlyList<AssigneeOption>>> AssigneesAsync(long id, CancellationToken ct)
    {
        var c = await db.Conversations.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.NeedsTrainedAgent, c.Vulnerable }).FirstOrDefaultAsync(ct);
        if (c is null)
        {
            return Failure.NotFound($"Conversation {id}");
        }
        var agents = await db.Agents.AsNoTracking().OrderBy(a => a.Name)
            .Select(a => new { a.Id, a.Name, Desk = a.Desk != null ? a.Desk.Name : null, a.VulnerabilityTrained, a.Status })
            .ToListAsync(ct);
        var needsTrained = c.NeedsTrainedAgent || c.Vulnerable;
        return agents.Select(a => new AssigneeOption(a.Id, a.Name, a.Desk, a.VulnerabilityTrained, a.Status.ToString().ToLowerInvariant(),
            needsTrained && !a.VulnerabilityTrained ? "not vulnerability-trained" : null)).ToList();
    }

    /// <summary>Hands the conversation to a desk's queue: the desk changes and the assignee is cleared for that desk to pick it up.</summary>
    public async Task<Result<UpdatedConversation>> TransferAsync(long id, TransferRequest request, Viewer viewer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(viewer);
        if (string.IsNullOrWhiteSpace(request.Desk))
        {
            return Failure.Invalid("desk", "desk is required (the name of the desk to transfer to).");
        }
        var name = request.Desk.Trim();
        var desks = await db.Desks.AsNoTracking().Select(d => new { d.Id, d.Name }).ToListAsync(ct);
        var desk = desks.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));
        if (desk is null)
        {
            return Failure.Invalid("desk", $"desk '{name}' does not exist; desks: {string.Join(", ", desks.Select(d => d.Name).Order(StringComparer.Ordinal))}.");
        }
        if (!await db.Conversations.AnyAsync(c => c.Id == id, ct))
        {
            return Failure.NotFound($"Conversation {id}");
        }
        var deskId = desk.Id;
        await UpdateAsync(id, s => s.SetProperty(x => x.DeskId, deskId).SetProperty(x => x.AssigneeId, (long?)null), ct);
        await audit.RecordAsync(viewer.Actor, "conversation.transferred", Subject(id), desk.Name, ct);
        return await StateAsync(id, ct);
    }

    /// <summary>Sets the status: open, pending, resolved or closed.</summary>
    public async Task<Result<UpdatedConversation>> SetStatusAsync(long id, ConversationStatusRequest request, Viewer viewer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(viewer);
        if (string.IsNullOrWhiteSpace(request.Status)
            || !Enum.TryParse<ConversationStatus>(request.Status, ignoreCase: true, out var status)
            || !Enum.IsDefined(status) || int.TryParse(request.Status, out _))
        {
            return Failure.Invalid("status", $"status '{request.Status}' is not one of: open, pending, resolved, closed.");
        }
        if (!await db.Conversations.AnyAsync(c => c.Id == id, ct))
        {
            return Failure.NotFound($"Conversation {id}");
        }
        await UpdateAsync(id, s => s.SetProperty(x => x.Status, status), ct);
        await audit.RecordAsync(viewer.Actor, "conversation.status", Subject(id), IngestMessage.Name(status), ct);
        return await StateAsync(id, ct);
    }

    /// <summary>Adds an internal note: stored on the timeline, never sent, not read and not counted as a reply.</summary>
    public async Task<Result<TimelineMessage>> AddNoteAsync(long id, NoteRequest request, Viewer viewer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(viewer);
        if (Text(request.Text, "text") is { } invalid)
        {
            return invalid;
        }
        if (!await db.Conversations.AnyAsync(c => c.Id == id, ct))
        {
            return Failure.NotFound($"Conversation {id}");
        }
        var me = await ViewerAgent.ForAsync(db, viewer, ct);
        var now = clock.GetUtcNow();
        var note = new Message
        {
            Source = Source,
            ExternalId = "note-" + Guid.NewGuid().ToString("N"),
            ConversationId = id,
            Author = Author.Note,
            AgentId = me.AgentId,
            Text = request.Text!.Trim(),
            SentAt = now,
            ReceivedAt = now,
        };
        using (await gate.EnterAsync(db, ct))
        {
            db.Messages.Add(note);
            await db.SaveChangesAsync(ct);
        }
        await audit.RecordAsync(viewer.Actor, "conversation.noted", Subject(id), $"message:{note.Id}", ct);
        events.Publish(new ConversationEvent(id, ConversationChange.Message, note.Id, "note"));
        return new TimelineMessage(note.Id, note.Source, note.ExternalId, "note", me.AgentName ?? viewer.Actor, note.Text, note.SentAt, null);
    }

    private async Task UpdateAsync(long id,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<Conversation>> set, CancellationToken ct)
    {
        using (await gate.EnterAsync(db, ct))
        {
            await db.Conversations.Where(c => c.Id == id).ExecuteUpdateAsync(set, ct);
        }
        events.Publish(new ConversationEvent(id, ConversationChange.Updated));
    }

    private async Task<Result<UpdatedConversation>> StateAsync(long id, CancellationToken ct) =>
        await db.Conversations.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new UpdatedConversation(c.Id, IngestMessage.Name(c.Status), c.Desk != null ? c.Desk.Name : null, c.Assignee != null ? c.Assignee.Name : null))
            .FirstAsync(ct);

    private static Failure? Text(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? Failure.Invalid(field, $"{field} is required and cannot be blank.")
        : text.Length > IngestLimits.MaxTextLength ? Failure.Invalid(field, $"{field} is {text.Length} characters; the limit is {IngestLimits.MaxTextLength}.")
        : null;

    private static string Subject(long id) => $"conversation:{id}";
}
