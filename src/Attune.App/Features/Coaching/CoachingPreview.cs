using System.Collections.Immutable;
using System.Text.Json;
using Attune.App.Common;
using Attune.App.Data;
using Attune.App.Data.Entities;
using Attune.App.Features.Ingestion;
using Attune.Core.Coaching;
using Attune.Core.Listening;
using Microsoft.EntityFrameworkCore;

namespace Attune.App.Features.Coaching;

public sealed record CoachingRequest(string? Text, long? ConversationId = null);

/// <summary>What the reply is assessed against: the customer's latest reading, their region and the situation playbook.</summary>
public sealed record CoachingAgainst(
    long ConversationId, int CustomerMessages, string? Emotion, bool Vulnerable, string? Region, string? Situation);

public sealed record CoachingFlagView(string Kind, string Severity, int Start, int Length, string Text, string Explanation, string Rewrite);

/// <summary>One act found in the reply: ownership, next step, timeline, follow-up or resolution, with the words.</summary>
public sealed record CoachingAct(string Kind, string Text);

public sealed record CoachingSuggestion(string Text, string Because);

/// <summary>The score's parts (see Attune.Core.Coaching.ScoreParts).</summary>
public sealed record CoachingParts(double Empathy, double EmpathyMax, double Action, double ActionMax, double Fit, double Penalties);

/// <summary>The empathy-in-action assessment of a draft, flattened for the workspace and the API.</summary>
public sealed record CoachingView(
    int Score, CoachingParts Parts, IReadOnlyList<CoachingFlagView> Flags, IReadOnlyList<CoachingSuggestion> Suggestions,
    IReadOnlyList<CoachingAct> Acts, string EmotionalReaction, string Interpretation, string Exploration,
    string? Situation, string? SituationTitle, double SituationFit, string? Region, double RegionFit, CoachingAgainst? Against)
{
    public bool Has(string kind) => Flags.Any(f => f.Kind == kind);
}

/// <summary>A coaching context loaded once for a conversation; the composer re-assesses drafts against it.</summary>
public sealed record LoadedCoachingContext(CoachingContext Context, CoachingAgainst Against);

/// <summary>Assesses a draft reply, in the context of a conversation's latest customer messages when one is given.</summary>
public sealed class CoachingPreview(AttuneDb db)
{
    private const int MaxCustomerMessages = 3;

    public async Task<Result<CoachingView>> AssessAsync(CoachingRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Text is null)
        {
            return Failure.Invalid("text", "text is required (the draft reply to assess).");
        }
        if (request.Text.Length > IngestLimits.MaxTextLength)
        {
            return Failure.Invalid("text", $"text is {request.Text.Length} characters; the limit is {IngestLimits.MaxTextLength}.");
        }
        if (request.ConversationId is not { } id)
        {
            return Assess(request.Text, null);
        }
        var loaded = await ContextAsync(id, ct);
        return loaded.IsOk ? Assess(request.Text, loaded.Value) : loaded.Error!;
    }

    /// <summary>The customer messages the agent is answering (those since the last reply, at most three, else the
    /// latest one), their stored readings, the customer's region and the conversation's situation playbook.</summary>
    public async Task<Result<LoadedCoachingContext>> ContextAsync(long conversationId, CancellationToken ct)
    {
        var c = await db.Conversations.AsNoTracking().Where(c => c.Id == conversationId)
            .Select(c => new { c.Playbook, c.Customer!.Region, c.Customer.Locale }).FirstOrDefaultAsync(ct);
        if (c is null)
        {
            return Failure.NotFound($"Conversation {conversationId}");
        }
        var recent = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId && (m.Author == Author.Customer || m.Author == Author.Agent))
            .OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id)
            .Select(m => new { m.Author, m.Text, m.ReadingJson })
            .Take(20)
            .ToListAsync(ct);
        var answering = recent.TakeWhile(m => m.Author == Author.Customer).Take(MaxCustomerMessages).ToList();
        if (answering.Count == 0)
        {
            answering = [.. recent.Where(m => m.Author == Author.Customer).Take(1)];
        }
        answering.Reverse();
        var texts = ImmutableArray.CreateBuilder<string>(answering.Count);
        var readings = ImmutableArray.CreateBuilder<Reading>(answering.Count);
        foreach (var m in answering)
        {
            texts.Add(m.Text);
            readings.Add(Read(m.ReadingJson) ?? Listener.Default.Read(m.Text));
        }
        var situation = Coach.Default.Library.FindSituation(c.Playbook) is not null ? c.Playbook : null;
        var region = c.Region ?? c.Locale;
        var latest = readings.Count > 0 ? readings[^1] : null;
        var against = new CoachingAgainst(conversationId, answering.Count,
            latest?.Dominant.ToString().ToLowerInvariant(), readings.Any(r => r.IsVulnerable), region, situation);
        return new LoadedCoachingContext(new CoachingContext(texts.MoveToImmutable(), readings.MoveToImmutable(), region, situation), against);
    }

    /// <summary>Assesses a draft; pure and fast enough for every pause in typing.</summary>
    public static CoachingView Assess(string text, LoadedCoachingContext? context)
    {
        var a = Coach.Default.Assess(text, context?.Context ?? CoachingContext.Empty);
        var acts = new List<CoachingAct>();
        AddActs(acts, "ownership", a.Action.Ownership);
        AddActs(acts, "next step", a.Action.NextStep);
        AddActs(acts, "timeline", a.Action.Timeline);
        AddActs(acts, "follow-up", a.Action.FollowUp);
        AddActs(acts, "resolution", a.Action.Resolution);
        return new CoachingView(
            a.Score,
            new CoachingParts(a.Parts.Empathy, a.Parts.EmpathyMax, a.Parts.Action, a.Parts.ActionMax, a.Parts.Fit, a.Parts.Penalties),
            [.. a.Flags.Select(f => new CoachingFlagView(FlagName(f.Kind), f.Severity.ToString().ToLowerInvariant(), f.Span.Start, f.Span.Length,
                f.Text, f.Explanation, f.Rewrite))],
            [.. a.Suggestions.Select(s => new CoachingSuggestion(s.Text, s.Because))],
            acts,
            Level(a.Empathy.EmotionalReaction.Level), Level(a.Empathy.Interpretation.Level), Level(a.Empathy.Exploration.Level),
            a.Situation.Name.Length == 0 ? null : a.Situation.Name, a.Situation.Title.Length == 0 ? null : a.Situation.Title, a.Situation.Fit,
            a.Region.Region.Length == 0 ? null : a.Region.Region, a.Region.Fit,
            context?.Against);
    }

    /// <summary>The flag's name as the API shows it: hollow, scripted, blame, dismissal, dead-end, jargon,
    /// wall-of-text, tone, playbook.</summary>
    public static string FlagName(FlagKind kind) => kind switch
    {
        FlagKind.HollowEmpathy => "hollow",
        FlagKind.ScriptedCliche => "scripted",
        FlagKind.Blame => "blame",
        FlagKind.Dismissal => "dismissal",
        FlagKind.DeadEnd => "dead-end",
        FlagKind.Jargon => "jargon",
        FlagKind.WallOfText => "wall-of-text",
        FlagKind.ToneMismatch => "tone",
        FlagKind.PlaybookViolation => "playbook",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static void AddActs(List<CoachingAct> acts, string kind, ImmutableArray<Evidence> evidence)
    {
        if (evidence.IsDefaultOrEmpty)
        {
            return;
        }
        foreach (var e in evidence)
        {
            acts.Add(new CoachingAct(kind, e.Text));
        }
    }

    private static string Level(MechanismLevel level) => level.ToString().ToLowerInvariant();

    private static Reading? Read(string? json)
    {
        if (json is null)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<Reading>(json, Json.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
