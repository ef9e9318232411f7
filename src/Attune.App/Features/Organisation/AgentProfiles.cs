using Attune.App.Common;
using Attune.App.Data;
using Attune.App.Data.Entities;
using Attune.App.Features.Routing;
using Attune.App.Features.Security;
using Attune.App.Jobs;
using Attune.Core.Routing.Assignment;
using Microsoft.EntityFrameworkCore;
using Agent = Attune.App.Data.Entities.Agent;
using AgentStatus = Attune.App.Data.Entities.AgentStatus;

namespace Attune.App.Features.Organisation;

/// <summary>Changes to desks and agents: skills, capacity, shifts and status. Leads and admins change anything; an
/// agent sets only their own status. Every change is audited.</summary>
public sealed class AgentProfiles(AttuneDb db, RoutingPolicies policies, Audit audit, TimeProvider clock)
{
    public const int MaxDescription = 500;

    public async Task<Result<DeskView>> CreateDeskAsync(DeskRequest request, Requester by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(by);
        if (!by.IsLead)
        {
            return Failure.Forbidden("Only leads and admins create desks.");
        }
        var name = request.Name?.Trim();
        if (CheckDesk(name, request.Description) is { } invalid)
        {
            return invalid;
        }
        if (await DeskNameTakenAsync(name!, null, ct))
        {
            return Failure.Conflict($"A desk named '{name}' exists already.");
        }
        var desk = new Desk { Name = name!, Description = Blank(request.Description) };
        db.Desks.Add(desk);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(by.Actor, "desk.created", $"desk:{desk.Id}", desk.Name, ct);
        return new DeskView(desk.Id, desk.Name, desk.Description, 0, 0);
    }

    /// <summary>Renames or re-describes a desk; agents that work it as an extra desk keep it under its new name.</summary>
    public async Task<Result<DeskView>> UpdateDeskAsync(long id, DeskRequest request, Requester by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(by);
        if (!by.IsLead)
        {
            return Failure.Forbidden("Only leads and admins change desks.");
        }
        var desk = await db.Desks.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (desk is null)
        {
            return Failure.NotFound($"Desk {id}");
        }
        var name = request.Name is null ? desk.Name : request.Name.Trim();
        if (CheckDesk(name, request.Description) is { } invalid)
        {
            return invalid;
        }
        if (await DeskNameTakenAsync(name!, id, ct))
        {
            return Failure.Conflict($"A desk named '{name}' exists already.");
        }
        var old = desk.Name;
        if (name != old)
        {
            foreach (var agent in await db.Agents.Where(a => a.ExtraDesks != "").ToListAsync(ct))
            {
                var extra = AgentFields.Split(agent.ExtraDesks);
                if (extra.Contains(old, StringComparer.OrdinalIgnoreCase))
                {
                    agent.ExtraDesks = string.Join(',', extra.Select(d => string.Equals(d, old, StringComparison.OrdinalIgnoreCase) ? name : d));
                }
            }
        }
        desk.Name = name!;
        if (request.Description is not null)
        {
            desk.Description = Blank(request.Description);
        }
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(by.Actor, "desk.updated", $"desk:{desk.Id}", name == old ? desk.Name : $"renamed '{old}' to '{name}'", ct);
        var open = await db.Conversations.CountAsync(c => c.DeskId == id && c.Status == ConversationStatus.Open, ct);
        var agents = await db.Agents.CountAsync(a => a.DeskId == id, ct);
        return new DeskView(desk.Id, desk.Name, desk.Description, open, agents);
    }

    public async Task<Result<AgentView>> CreateAgentAsync(AgentRequest request, Requester by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(by);
        if (!by.IsLead)
        {
            return Failure.Forbidden("Only leads and admins add agents.");
        }
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            return Failure.Invalid("name", "name is required: the agent's display name.");
        }
        if (string.IsNullOrWhiteSpace(request.Email))
        {
            return Failure.Invalid("email", "email is required: the agent's work address, unique among agents.");
        }
        var agent = new Agent { Name = "", Email = "", StatusSince = clock.GetUtcNow() };
        var applied = await ApplyAsync(agent, request, ct);
        if (applied.Error is { } error)
        {
            return error;
        }
        db.Agents.Add(agent);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(by.Actor, "agent.created", $"agent:{agent.Id}", $"{agent.Name} <{agent.Email}>", ct);
        return OrganisationQueries.View(agent, 0, clock.GetUtcNow());
    }

    /// <summary>Changes the fields given (null keeps a field as it is).</summary>
    public async Task<Result<AgentView>> UpdateAgentAsync(long id, AgentRequest request, Requester by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(by);
        var agent = await db.Agents.Include(a => a.Desk).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agent is null)
        {
            return Failure.NotFound($"Agent {id}");
        }
        if (!by.IsLead)
        {
            return Failure.Forbidden("Only leads and admins change an agent's skills, capacity and shifts; agents set their own status.");
        }
        var applied = await ApplyAsync(agent, request, ct);
        if (applied.Error is { } error)
        {
            return error;
        }
        await db.SaveChangesAsync(ct);
        if (applied.Value!.Count > 0)
        {
            await audit.RecordAsync(by.Actor, "agent.updated", $"agent:{agent.Id}", string.Join("; ", applied.Value), ct);
        }
        var open = await db.Conversations.CountAsync(c => c.AssigneeId == id && c.Status == ConversationStatus.Open, ct);
        return OrganisationQueries.View(agent, open, clock.GetUtcNow());
    }

    /// <summary>Sets an agent's status: their load is first brought up to now under the old status (a break recovers
    /// faster), then the new one applies; a break ends the heavy streak and the break suggestion.</summary>
    public async Task<Result<AgentView>> SetStatusAsync(long id, AgentStatusRequest request, Requester by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(by);
        var agent = await db.Agents.Include(a => a.Desk).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agent is null)
        {
            return Failure.NotFound($"Agent {id}");
        }
        if (!by.IsLead && (by.UserId is null || agent.UserId != by.UserId))
        {
            return Failure.Forbidden("Agents set only their own status; leads and admins set anyone's.");
        }
        if (!Enum.TryParse<AgentStatus>(request.Status?.Trim(), ignoreCase: true, out var status) || !Enum.IsDefined(status)
            || int.TryParse(request.Status, out _))
        {
            return Failure.Invalid("status", $"status '{request.Status}' is not allowed; use available, break or away.");
        }
        var now = clock.GetUtcNow();
        var previous = agent.Status;
        var board = new AssignmentBoard([ConversationRouter.ToCore(agent, now)], now);
        var key = ConversationRouter.Id(agent);
        board.Restore(key, new AgentSnapshot(agent.Load, agent.LoadAt ?? now, agent.HeavyStreak, agent.AboveBreakSince, agent.AboveAlertSince,
            agent.BreakSuggested, agent.LeadAlerted, new Dictionary<string, int>()));
        board.SetStatus(key, ConversationRouter.ToCore(status), now);
        ConversationRouter.Save(agent, board[key].Snapshot());
        if (status != previous)
        {
            agent.Status = status;
            agent.StatusSince = now;
        }
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(by.Actor, "agent.status", $"agent:{agent.Id}", $"{Lower(previous)} -> {Lower(status)}", ct);
        var open = await db.Conversations.CountAsync(c => c.AssigneeId == id && c.Status == ConversationStatus.Open, ct);
        return OrganisationQueries.View(agent, open, now);
    }

    // Validates every given field before changing any, so a bad request leaves the agent as it was.
    private async Task<Result<List<string>>> ApplyAsync(Agent agent, AgentRequest r, CancellationToken ct)
    {
        var changes = new List<string>();
        string? name = null, email = null, languages = null, extra = null, channelCapacity = null, shifts = null, zone = null;
        Desk? desk = null;
        var clearDesk = false;
        if (r.Name is not null)
        {
            name = r.Name.Trim();
            if (name.Length is 0 or > 200)
            {
                return Failure.Invalid("name", "name must be 1 to 200 characters.");
            }
        }
        if (r.Email is not null)
        {
            email = r.Email.Trim();
            var at = email.IndexOf('@', StringComparison.Ordinal);
            if (email.Length > 320 || at <= 0 || at == email.Length - 1 || email.Contains(' ', StringComparison.Ordinal))
            {
                return Failure.Invalid("email", $"email '{r.Email}' is not an email address.");
            }
            if (await db.Agents.AnyAsync(a => a.Email == email && a.Id != agent.Id, ct))
            {
                return Failure.Conflict($"Another agent has the email '{email}'.");
            }
        }
        var known = r.Desk is not null || r.ExtraDesks is not null ? await KnownDesksAsync(ct) : [];
        if (r.Desk is not null)
        {
            var wanted = r.Desk.Trim();
            if (wanted.Length == 0)
            {
                clearDesk = true;
            }
            else if (!known.TryGetValue(wanted, out var canonical))
            {
                return Failure.Invalid("desk", $"desk '{wanted}' is unknown; known desks: {string.Join(", ", known.Values.Order(StringComparer.Ordinal))}.");
            }
            else
            {
                desk = await db.Desks.FirstOrDefaultAsync(d => d.Name == canonical, ct) ?? new Desk { Name = canonical };
            }
        }
        if (r.ExtraDesks is not null)
        {
            var list = new List<string>();
            for (var i = 0; i < r.ExtraDesks.Count; i++)
            {
                var d = r.ExtraDesks[i]?.Trim() ?? "";
                if (d == "*")
                {
                    list.Add("*");
                }
                else if (!known.TryGetValue(d, out var canonical))
                {
                    return Failure.Invalid($"extraDesks[{i}]", $"extraDesks[{i}] '{d}' is unknown; known desks: {string.Join(", ", known.Values.Order(StringComparer.Ordinal))} (or \"*\" for every desk).");
                }
                else if (!list.Contains(canonical, StringComparer.OrdinalIgnoreCase))
                {
                    list.Add(canonical);
                }
            }
            extra = string.Join(',', list);
            if (extra.Length > 500)
            {
                return Failure.Invalid("extraDesks", "extraDesks is too long (500 characters at most); use \"*\" for every desk.");
            }
        }
        if (r.Languages is not null)
        {
            if (r.Languages.Count == 0)
            {
                return Failure.Invalid("languages", "languages needs at least one ISO 639-1 code, such as \"en\".");
            }
            var list = new List<string>();
            for (var i = 0; i < r.Languages.Count; i++)
            {
                var code = r.Languages[i]?.Trim().ToLowerInvariant() ?? "";
                if (!LanguageCodes.IsKnown(code))
                {
                    return Failure.Invalid($"languages[{i}]", $"languages[{i}] '{r.Languages[i]}' is not an ISO 639-1 language code (two letters, such as en, de, pt).");
                }
                if (!list.Contains(code))
                {
                    list.Add(code);
                }
            }
            languages = string.Join(',', list);
        }
        if (r.Capacity is { } capacity && capacity is < 1 or > AgentFields.MaxCapacity)
        {
            return Failure.Invalid("capacity", $"capacity {capacity} is out of range; an agent holds 1 to {AgentFields.MaxCapacity} conversations at once per channel.");
        }
        if (r.ChannelCapacity is not null)
        {
            var map = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (key, n) in r.ChannelCapacity)
            {
                var channel = key.Trim().ToLowerInvariant();
                if (!AgentFields.Channels.Contains(channel))
                {
                    return Failure.Invalid($"channelCapacity.{key}", $"channelCapacity: '{key}' is not a channel; use {string.Join(", ", AgentFields.Channels)}.");
                }
                if (n is < 0 or > AgentFields.MaxCapacity)
                {
                    return Failure.Invalid($"channelCapacity.{key}", $"channelCapacity.{key} {n} is out of range; use 0 (never this channel) to {AgentFields.MaxCapacity}.");
                }
                map[channel] = n;
            }
            channelCapacity = AgentFields.FormatChannelCapacity(map);
        }
        if (r.TimeZone is not null)
        {
            zone = r.TimeZone.Trim();
            if (zone.Length > 64 || WeeklyShifts.Zone(zone) is null)
            {
                return Failure.Invalid("timeZone", $"timeZone '{r.TimeZone}' is not a known time zone; use an IANA name such as Europe/London or UTC.");
            }
        }
        if (r.Shifts is not null)
        {
            var normalised = WeeklyShifts.Normalise(r.Shifts);
            if (normalised.Error is { } bad)
            {
                return bad;
            }
            shifts = normalised.Value!;
            if (shifts.Length > 1000)
            {
                return Failure.Invalid("shifts", "shifts are too long (1000 characters stored at most); merge days that share hours.");
            }
        }
        if (r.UserId is { } userId)
        {
            if (!await db.Users.AnyAsync(u => u.Id == userId, ct))
            {
                return Failure.Invalid("userId", $"userId {userId} is not a user.");
            }
            if (await db.Agents.AnyAsync(a => a.UserId == userId && a.Id != agent.Id, ct))
            {
                return Failure.Conflict($"User {userId} is linked to another agent already.", "userId");
            }
        }

        Set(changes, "name", agent.Name, name, v => agent.Name = v);
        Set(changes, "email", agent.Email, email, v => agent.Email = v);
        if (clearDesk && agent.DeskId is not null)
        {
            changes.Add($"desk: {agent.Desk?.Name} -> none");
            agent.DeskId = null;
            agent.Desk = null;
        }
        else if (desk is not null && !ReferenceEquals(desk, agent.Desk) && desk.Name != agent.Desk?.Name)
        {
            changes.Add($"desk: {agent.Desk?.Name ?? "none"} -> {desk.Name}");
            agent.Desk = desk;
        }
        Set(changes, "extraDesks", agent.ExtraDesks, extra, v => agent.ExtraDesks = v);
        Set(changes, "languages", agent.Languages, languages, v => agent.Languages = v);
        if (r.VulnerabilityTrained is { } trained && trained != agent.VulnerabilityTrained)
        {
            changes.Add($"vulnerabilityTrained: {agent.VulnerabilityTrained} -> {trained}".ToLowerInvariant());
            agent.VulnerabilityTrained = trained;
        }
        if (r.Capacity is { } cap && cap != agent.Capacity)
        {
            changes.Add($"capacity: {agent.Capacity} -> {cap}");
            agent.Capacity = cap;
        }
        Set(changes, "channelCapacity", agent.ChannelCapacity, channelCapacity, v => agent.ChannelCapacity = v);
        Set(changes, "timeZone", agent.TimeZone, zone, v => agent.TimeZone = v);
        Set(changes, "shifts", agent.Shifts, shifts, v => agent.Shifts = v);
        if (r.UserId is { } user && user != agent.UserId)
        {
            changes.Add($"userId: {agent.UserId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} -> {user}");
            agent.UserId = user;
        }
        return changes;
    }

    /// <summary>Desk names an agent can be given: the desks stored, and those the active routing policy sends work to.</summary>
    private async Task<Dictionary<string, string>> KnownDesksAsync(CancellationToken ct)
    {
        var known = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in await db.Desks.AsNoTracking().Select(d => d.Name).ToListAsync(ct))
        {
            known[name] = name;
        }
        var router = await ConversationRouter.ActiveRouterAsync(policies, ct);
        foreach (var d in router.Policy.Desks)
        {
            known.TryAdd(d.Name, d.Name);
        }
        return known;
    }

    // Desk names match case-insensitively everywhere (policies, extra desks), so "billing" and "Billing" are one name.
    private async Task<bool> DeskNameTakenAsync(string name, long? except, CancellationToken ct) =>
        (await db.Desks.AsNoTracking().Where(d => d.Id != except).Select(d => d.Name).ToListAsync(ct))
            .Contains(name, StringComparer.OrdinalIgnoreCase);

    private static Failure? CheckDesk(string? name, string? description)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Failure.Invalid("name", "name is required: the desk's name, as routing policies refer to it.");
        }
        if (name.Length > 100)
        {
            return Failure.Invalid("name", $"name is {name.Length} characters; at most 100 are allowed.");
        }
        if (name.Contains(',', StringComparison.Ordinal) || name == "*")
        {
            return Failure.Invalid("name", $"name '{name}' may not contain ',' or be '*'.");
        }
        return description is { Length: > MaxDescription }
            ? Failure.Invalid("description", $"description is {description.Length} characters; at most {MaxDescription} are allowed.")
            : null;
    }

    private static void Set(List<string> changes, string field, string current, string? value, Action<string> apply)
    {
        if (value is not null && value != current)
        {
            changes.Add($"{field}: '{current}' -> '{value}'");
            apply(value);
        }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Lower(AgentStatus s) => s.ToString().ToLowerInvariant();
}
