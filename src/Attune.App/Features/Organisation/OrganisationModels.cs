namespace Attune.App.Features.Organisation;

/// <summary>Who is changing the organisation: leads and admins change anything; an agent only their own status, and
/// only through the User linked to their Agent row.</summary>
public sealed record Requester(string Actor, long? UserId, bool IsLead);

public sealed record DeskRequest(string? Name, string? Description);

/// <summary>Create or change an agent; on change, a field left null keeps its value. Desk "" clears the main desk;
/// extraDesks ["*"] means every desk; channelCapacity maps a channel (email, chat, phone, social, web, messaging) to
/// 0-50 conversations at once (0 = never that channel), other channels use capacity (1-50).</summary>
public sealed record AgentRequest(
    string? Name = null,
    string? Email = null,
    string? Desk = null,
    IReadOnlyList<string>? ExtraDesks = null,
    IReadOnlyList<string>? Languages = null,
    bool? VulnerabilityTrained = null,
    int? Capacity = null,
    IReadOnlyDictionary<string, int>? ChannelCapacity = null,
    IReadOnlyList<ShiftRequest>? Shifts = null,
    string? TimeZone = null,
    long? UserId = null);

public sealed record AgentStatusRequest(string? Status);

/// <summary>An agent as the API and the Settings page show them; load is brought up to now (units of the Core load
/// model), onShift is now in their time zone.</summary>
public sealed record AgentView(
    long Id,
    string Name,
    string Email,
    string? Desk,
    IReadOnlyList<string> Languages,
    int OpenConversations,
    IReadOnlyList<string> ExtraDesks,
    bool VulnerabilityTrained,
    int Capacity,
    IReadOnlyDictionary<string, int> ChannelCapacity,
    IReadOnlyList<ShiftView> Shifts,
    string TimeZone,
    string Status,
    DateTimeOffset? StatusSince,
    bool OnShift,
    double Load,
    bool BreakSuggested,
    long? UserId);
