namespace Attune.App.Features.Security;

public static class Roles
{
    public const string Agent = "agent";
    public const string Lead = "lead";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Agent, Lead, Admin];
}

public static class Scopes
{
    public const string Ingest = "ingest";
    public const string Read = "read";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Ingest, Read, Admin];
}
