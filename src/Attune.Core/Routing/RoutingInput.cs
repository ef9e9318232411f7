using System.Collections.Immutable;
using Attune.Core.Listening;
using Attune.Core.Routing.SelfService;

namespace Attune.Core.Routing;

/// <summary>What the organisation knows about the customer and their account.</summary>
/// <param name="Id">The customer's id in the organisation's systems.</param>
/// <param name="Region">The customer's region code as the organisation uses them ("uk", "eu", "jp"…); empty when unknown.</param>
/// <param name="Value">The account's value in the organisation's own unit (e.g. yearly revenue); 0 when unknown.</param>
/// <param name="RenewalDate">The day the account renews; null when none.</param>
/// <param name="OpenIncidents">How many incidents are open on the account (0 or more).</param>
/// <param name="Needs">Recorded needs, e.g. "large-print", "interpreter", "vulnerable-flag".</param>
/// <param name="Language">The customer's language (ISO 639-1) for matching agents; "en" when unknown.</param>
public sealed record CustomerContext(
    string Id,
    string Region,
    decimal Value,
    DateOnly? RenewalDate,
    int OpenIncidents,
    ImmutableArray<string> Needs,
    string Language = "en")
{
    /// <summary>A customer of whom nothing is known.</summary>
    public static CustomerContext Unknown(string id) => new(id, "", 0, null, 0, []);
}

/// <summary>Everything routing looks at for one conversation.</summary>
/// <param name="Reading">The listening engine's reading of the customer's message.</param>
/// <param name="Customer">The customer and account.</param>
/// <param name="Channel">The channel the message came in on ("email", "chat", "phone", "social"…).</param>
/// <param name="Now">The moment of routing; SLA due times count from it.</param>
/// <param name="PersonRequest">The words with which the customer asked for a person (<see cref="PersonRequest.Find"/>);
/// null when they did not.</param>
/// <param name="FailedContacts">How many earlier contacts about this ended without a solution (0 or more), when the
/// host knows; the reading's own repeat-contact cue counts too.</param>
/// <param name="SelfServiceAnswer">The knowledge-base answer found for the message, when the host searched already; null
/// to let the router search its knowledge base (if it has one) for <paramref name="Text"/>.</param>
/// <param name="Text">The customer's message, for the knowledge-base search; null when not at hand.</param>
public sealed record RoutingInput(
    Reading Reading,
    CustomerContext Customer,
    string Channel,
    DateTimeOffset Now,
    Evidence? PersonRequest = null,
    int FailedContacts = 0,
    SelfServiceAnswer? SelfServiceAnswer = null,
    string? Text = null);
