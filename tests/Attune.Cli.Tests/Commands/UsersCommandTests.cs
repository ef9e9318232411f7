using Attune.App.Data;
using Attune.App.Features.Security;
using Attune.Cli.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Cli.Tests.Commands;

public sealed class UsersCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string Connection => $"Data Source={Path.Combine(_folder.Path, "attune.db")};Pooling=False";

    public void Dispose() => _folder.Dispose();

    /// <summary>An administrator who typed the wrong password until the account locked.</summary>
    private async Task LockedOutAdminAsync()
    {
        await using var services = await CliDatabase.OpenAsync(new DatabaseOptions(DatabaseProvider.Sqlite, Connection), TestContext.Current.CancellationToken);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Users>().CreateAsync(new NewUser("only@example.com", "Only Admin", "the forgotten password", [Roles.Admin]), "test", CancellationToken.None);
        for (var i = 0; i < Sessions.MaxFailedSignIns; i++)
        {
            await scope.ServiceProvider.GetRequiredService<Sessions>().SignInAsync("only@example.com", "a wrong guess", "test", CancellationToken.None);
        }
    }

    private async Task<bool> CanSignInAsync(string password)
    {
        await using var services = await CliDatabase.OpenAsync(new DatabaseOptions(DatabaseProvider.Sqlite, Connection), TestContext.Current.CancellationToken);
        await using var scope = services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<Sessions>().SignInAsync("only@example.com", password, "test", CancellationToken.None)).IsOk;
    }

    [Fact]
    public async Task List_ShowsWhoIsLockedOut()
    {
        await LockedOutAdminAsync();

        var (exit, output, _) = await CliRunner.RunAsync(["users", "list", "--provider", "Sqlite", "--connection", Connection]);

        Assert.Equal(0, exit);
        Assert.Contains("only@example.com", output, StringComparison.Ordinal);
        Assert.Contains("locked until", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetPassword_FromStandardInput_LetsALockedOutAdministratorBackIn()
    {
        await LockedOutAdminAsync();

        var (exit, output, error) = await CliRunner.RunAsync(["users", "set-password", "Only@Example.com", "--provider", "Sqlite", "--connection", Connection], stdin: "a brand new passphrase\n");

        Assert.Equal(0, exit);
        Assert.Contains("new password set for only@example.com", output, StringComparison.Ordinal);
        Assert.Empty(error);
        Assert.True(await CanSignInAsync("a brand new passphrase"));
    }

    [Theory]
    [InlineData("only@example.com", "short\n", "password must have at least 12 characters")]
    [InlineData("only@example.com", "", "password must have at least 12 characters")]
    [InlineData("nobody@example.com", "a brand new passphrase\n", "no account has the email nobody@example.com")]
    public async Task SetPassword_RefusesWhatItCannotUse_AndChangesNothing(string email, string stdin, string message)
    {
        await LockedOutAdminAsync();

        var (exit, _, error) = await CliRunner.RunAsync(["users", "set-password", email, "--provider", "Sqlite", "--connection", Connection], stdin);

        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
        // A new password would have lifted the lock-out.
        var (_, list, _) = await CliRunner.RunAsync(["users", "list", "--provider", "Sqlite", "--connection", Connection]);
        Assert.Contains("locked until", list, StringComparison.Ordinal);
    }
}
