using Attune.App.Features.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Browser.Tests;

public sealed class AccountTests(WebApp web)
{
    private async Task CreateAsync(string email, string name, string password)
    {
        await using var scope = web.Server.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<Users>().CreateAsync(new NewUser(email, name, password, [Roles.Agent]), "test", CancellationToken.None);
        Assert.True(created.IsOk, created.Error?.Message);
    }

    private async Task<IPage> SignInAsync(string email, string password, string arrivesAt = "/inbox")
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/signin");
        await FillSignInAsync(page, email, password);
        await WebApp.ArrivesAtAsync(page, arrivesAt);
        return page;
    }

    private static async Task FillSignInAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    [Fact]
    public async Task Admin_DeactivatesAPerson_WhoseOpenPageGoesToSignIn_ThenReactivatesThemWithANewPassword()
    {
        await CreateAsync("leaver@example.com", "Lee Leaver", "lee's first password");
        var leaver = await SignInAsync("leaver@example.com", "lee's first password");
        var admin = await web.SignInAsync(Demo.Admin);
        await admin.GotoAsync("/settings");
        await admin.Locator(".settings[data-interactive=true]").WaitForAsync();
        await admin.GetByRole(AriaRole.Tab, new() { Name = "Users" }).ClickAsync();
        var row = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "leaver@example.com" });
        await Assertions.Expect(row.GetByText("Active", new() { Exact = true })).ToBeVisibleAsync();

        await row.GetByRole(AriaRole.Button, new() { Name = "Deactivate Lee Leaver" }).ClickAsync();
        await Assertions.Expect(row.GetByText("Deactivate Lee Leaver?")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(admin, "settings-users-deactivate");
        await row.GetByRole(AriaRole.Button, new() { Name = "Yes, deactivate" }).ClickAsync();
        await Assertions.Expect(admin.GetByText("Deactivated Lee Leaver: signed out everywhere.")).ToBeVisibleAsync();
        await Assertions.Expect(row.GetByText("Deactivated 20")).ToBeVisibleAsync();

        // The page Lee had open learns on its next check that the session ended, and sign-in says why.
        await WebApp.ArrivesAtAsync(leaver, "/signin");
        await FillSignInAsync(leaver, "leaver@example.com", "lee's first password");
        await Assertions.Expect(leaver.GetByRole(AriaRole.Alert)).ToContainTextAsync("deactivated");

        await row.GetByRole(AriaRole.Button, new() { Name = "Reactivate Lee Leaver" }).ClickAsync();
        await Assertions.Expect(admin.GetByText("Reactivated Lee Leaver")).ToBeVisibleAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Set a new password for Lee Leaver" }).ClickAsync();
        var password = row.GetByLabel("New password for Lee Leaver", new() { Exact = true });
        await password.FillAsync("short");
        await row.GetByRole(AriaRole.Button, new() { Name = "Set password", Exact = true }).ClickAsync();
        await Assertions.Expect(row.GetByRole(AriaRole.Alert)).ToContainTextAsync("at least 12 characters");
        await Assertions.Expect(password).ToHaveAttributeAsync("aria-invalid", "true");
        await password.FillAsync("lee's second password");
        await row.GetByRole(AriaRole.Button, new() { Name = "Set password", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByText("Set a new password for Lee Leaver")).ToBeVisibleAsync();
        await row.ScrollIntoViewIfNeededAsync();
        await Screenshots.TakeAsync(admin, "settings-users-access");

        await FillSignInAsync(leaver, "leaver@example.com", "lee's second password");
        await WebApp.ArrivesAtAsync(leaver, "/inbox");
    }

    [Fact]
    public async Task APerson_ChangesTheirOwnPassword_OnTheirAccountPage()
    {
        await CreateAsync("mover@example.com", "Mo Mover", "mo's first password");
        var page = await SignInAsync("mover@example.com", "mo's first password");
        var elsewhere = await SignInAsync("mover@example.com", "mo's first password");

        await page.GetByRole(AriaRole.Link, new() { Name = "Mo Mover" }).ClickAsync();
        await WebApp.ArrivesAtAsync(page, "/account");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your account" })).ToBeVisibleAsync();
        await page.GetByLabel("Current password").FillAsync("not my password");
        await page.GetByLabel("New password (at least 12 characters)").FillAsync("mo's second password");
        await page.GetByLabel("New password again").FillAsync("mo's second password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.GetByText("The current password is wrong.")).ToBeVisibleAsync();

        await page.GetByLabel("Current password").FillAsync("mo's first password");
        await page.GetByLabel("New password (at least 12 characters)").FillAsync("mo's second password");
        await page.GetByLabel("New password again").FillAsync("mo's second password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Password changed");
        await Screenshots.TakeAsync(page, "account");

        // This session goes on; the other one has ended.
        await page.GotoAsync("/inbox");
        await WebApp.ArrivesAtAsync(page, "/inbox");
        await WebApp.ArrivesAtAsync(elsewhere, "/signin");
    }
}
