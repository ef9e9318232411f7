using Attune.App.Common;
using Attune.App.Features.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.App.Tests;

public sealed class PolicyDraftsTests
{
    private static Task<Result<DraftView>> CreateAsync(TestDatabase db, DraftInput input, string actor = "lead@example.com") =>
        db.WithAsync(sp => sp.GetRequiredService<PolicyDrafts>().CreateAsync(input, actor, CancellationToken.None));

    private static Task<Result<DraftView>> SaveAsync(TestDatabase db, long id, DraftInput input, string actor) =>
        db.WithAsync(sp => sp.GetRequiredService<PolicyDrafts>().SaveAsync(id, input, actor, CancellationToken.None));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NewDraftWithoutYaml_StartsFromActivePolicyAndIsValid(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var draft = (await CreateAsync(db, new DraftInput("Care first", null))).Value!;

        Assert.Contains("policy: attune-default", draft.Yaml, StringComparison.Ordinal);
        Assert.True(draft.Validation.Valid);
        Assert.Equal(1, draft.Revision);
        Assert.Equal("lead@example.com", draft.CreatedBy);
        var listed = Assert.Single(await db.WithAsync(sp => sp.GetRequiredService<PolicyDrafts>().ListAsync(CancellationToken.None)));
        Assert.Equal(draft.Id, listed.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task InvalidDraft_IsSavedWithItsProblemsByLine(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var draft = (await CreateAsync(db, new DraftInput("Work in progress", "policy: p\nversion: '1'\n"))).Value!;

        var saved = await SaveAsync(db, draft.Id, new DraftInput("Work in progress", "policy: p\nversion: '1'\nfallback: { desk: Support, mode: robot, sla: x }\n", draft.Revision), "other@example.com");

        Assert.True(saved.IsOk);
        Assert.False(saved.Value!.Validation.Valid);
        Assert.Contains(saved.Value.Validation.Problems, p => p.Line == 3 && p.Field == "fallback.mode");
        Assert.Equal(2, saved.Value.Revision);
        Assert.Equal("other@example.com", saved.Value.UpdatedBy);
        var reloaded = (await db.WithAsync(sp => sp.GetRequiredService<PolicyDrafts>().GetAsync(draft.Id, CancellationToken.None))).Value!;
        Assert.Contains("mode: robot", reloaded.Yaml, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveFromStaleRevision_IsRefusedAndKeepsTheNewerEdit(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var draft = (await CreateAsync(db, new DraftInput("Shared", "policy: a\n"))).Value!;
        Assert.True((await SaveAsync(db, draft.Id, new DraftInput("Shared", "policy: b\n", draft.Revision), "ann@example.com")).IsOk);

        var stale = await SaveAsync(db, draft.Id, new DraftInput("Shared", "policy: c\n", draft.Revision), "bob@example.com");

        Assert.Equal(ErrorKind.Conflict, stale.Error!.Kind);
        Assert.Contains("ann@example.com", stale.Error.Message, StringComparison.Ordinal);
        var kept = (await db.WithAsync(sp => sp.GetRequiredService<PolicyDrafts>().GetAsync(draft.Id, CancellationToken.None))).Value!;
        Assert.Equal("policy: b\n", kept.Yaml);
    }

    [Theory]
    [InlineData("", "policy: p", "title")]
    [InlineData("T", null, "yaml")]
    public async Task MissingTitleOrYaml_NamesTheField(string title, string? yaml, string field)
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var created = (await CreateAsync(db, new DraftInput("T", "policy: p\n"))).Value!;

        var saved = await SaveAsync(db, created.Id, new DraftInput(title, yaml, created.Revision), "lead@example.com");

        Assert.Equal(ErrorKind.Invalid, saved.Error!.Kind);
        Assert.Equal(field, saved.Error.Field);
    }

    [Fact]
    public async Task DeletedDraft_IsGone()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var draft = (await CreateAsync(db, new DraftInput("Scratch", "policy: p\n"))).Value!;

        Assert.True((await db.WithAsync(sp => sp.GetRequiredService<PolicyDrafts>().DeleteAsync(draft.Id, "lead@example.com", CancellationToken.None))).IsOk);

        Assert.Equal(ErrorKind.NotFound, (await db.WithAsync(sp => sp.GetRequiredService<PolicyDrafts>().GetAsync(draft.Id, CancellationToken.None))).Error!.Kind);
    }
}
