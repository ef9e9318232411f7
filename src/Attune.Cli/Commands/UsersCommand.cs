using System.CommandLine;
using System.Globalization;
using Attune.App.Common;
using Attune.App.Features.Security;
using Attune.Cli.Platform;
using Attune.Cli.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Attune.Cli.Commands;

/// <summary>
/// `attune users`: the people who can sign in, from the server's own machine. It is the way back in when nobody can
/// sign in as an administrator (a forgotten password, a lock-out): set a new password, or reactivate the account.
/// </summary>
internal static class UsersCommand
{
    private const string Actor = "cli";

    public static Command Create()
    {
        var command = new Command("users", "List the people who can sign in; set a new password or reactivate an account (the way back in for a locked-out administrator).");
        command.Subcommands.Add(List());
        command.Subcommands.Add(SetPassword());
        command.Subcommands.Add(Reactivate());
        return command;
    }

    private static Command List()
    {
        var (provider, connection) = (CliDatabase.ProviderOption(), CliDatabase.ConnectionOption());
        var command = new Command("list", "Everyone who has an account: roles, and whether they can sign in.") { provider, connection };
        command.SetAction((parse, ct) => WithUsersAsync(parse, provider, connection, "list", async (users, io) =>
        {
            var table = new Table().AddColumns("id", "email", "name", "roles", "access");
            foreach (var u in await users.ListAsync(ct))
            {
                table.AddRow(u.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(u.Email), Markup.Escape(u.Name), string.Join(", ", u.Roles), Access(u));
            }
            io.Out().Write(table);
            return CliApp.Ok;
        }, ct));
        return command;
    }

    private static Command SetPassword()
    {
        var email = new Argument<string>("email") { Description = "The account's email." };
        var (provider, connection) = (CliDatabase.ProviderOption(), CliDatabase.ConnectionOption());
        var command = new Command("set-password", "Set a new password read from standard input (so it stays out of the shell's history); lifts a lock-out and ends the account's sessions.")
        {
            email, provider, connection,
        };
        command.SetAction((parse, ct) => WithUsersAsync(parse, provider, connection, "set-password", async (users, io) =>
        {
            if (await FindAsync(users, parse.GetValue(email)!, io, "set-password", ct) is not { } user)
            {
                return CliApp.Unusable;
            }
            var password = (await io.Input.ReadLineAsync(ct))?.TrimEnd('\r');
            return Report(await users.SetPasswordAsync(user.Id, password, Actor, ct), io, "set-password",
                u => $"attune users set-password: new password set for {u.Email}; their sessions ended and any lock-out is lifted.");
        }, ct));
        return command;
    }

    private static Command Reactivate()
    {
        var email = new Argument<string>("email") { Description = "The account's email." };
        var (provider, connection) = (CliDatabase.ProviderOption(), CliDatabase.ConnectionOption());
        var command = new Command("reactivate", "Let a deactivated account sign in again, with the password it had.") { email, provider, connection };
        command.SetAction((parse, ct) => WithUsersAsync(parse, provider, connection, "reactivate", async (users, io) =>
            await FindAsync(users, parse.GetValue(email)!, io, "reactivate", ct) is { } user
                ? Report(await users.ReactivateAsync(user.Id, Actor, ct), io, "reactivate", u => $"attune users reactivate: {u.Email} can sign in again.")
                : CliApp.Unusable, ct));
        return command;
    }

    private static async Task<int> WithUsersAsync(ParseResult parse, Option<string?> provider, Option<string?> connection, string name,
        Func<Users, CliInvocation, Task<int>> work, CancellationToken ct)
    {
        var io = Consoles.Of(parse);
        try
        {
            var options = CliDatabase.Resolve(parse.GetValue(provider), parse.GetValue(connection));
            await using var services = await CliDatabase.OpenAsync(options, ct);
            await using var scope = services.CreateAsyncScope();
            return await work(scope.ServiceProvider.GetRequiredService<Users>(), io);
        }
        catch (InvalidOperationException ex)
        {
            io.Error.WriteLine($"attune users {name}: {ex.Message}");
            return CliApp.Unusable;
        }
    }

    private static async Task<UserView?> FindAsync(Users users, string email, CliInvocation io, string name, CancellationToken ct)
    {
        var normal = email.Trim().ToLowerInvariant();
        var user = (await users.ListAsync(ct)).FirstOrDefault(u => u.Email == normal);
        if (user is null)
        {
            io.Error.WriteLine($"attune users {name}: no account has the email {normal} (see attune users list).");
        }
        return user;
    }

    private static int Report(Result<UserView> result, CliInvocation io, string name, Func<UserView, string> done)
    {
        if (result.Error is { } e)
        {
            io.Error.WriteLine($"attune users {name}: {e.Message}");
            return CliApp.Unusable;
        }
        io.Output.WriteLine(done(result.Value!));
        return CliApp.Ok;
    }

    private static string Access(UserView u) =>
        !u.Active ? $"deactivated {u.DeactivatedAt!.Value.UtcDateTime:yyyy-MM-dd}"
        : u.LockedUntil is { } until && until > DateTimeOffset.UtcNow ? $"locked until {until.UtcDateTime:HH:mm} UTC"
        : "active";
}
