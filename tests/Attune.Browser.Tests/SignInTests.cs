namespace Attune.Browser.Tests;

public sealed class SignInTests(WebApp web)
{
    [Fact]
    public async Task AnonymousVisitor_IsSentToSignInAndBackAfterwards()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/inbox");
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "signin");

        await page.GetByLabel("Email").FillAsync(Demo.Lead);
        await page.GetByLabel("Password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Email or password is wrong");

        await page.GetByLabel("Password").FillAsync(Attune.App.Features.Demo.DemoUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await WebApp.ArrivesAtAsync(page, "/inbox");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToContainTextAsync("Lena Okafor");
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var page = await web.SignInAsync(Demo.Agent);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await WebApp.ArrivesAtAsync(page, "/signin$");
        await page.GotoAsync("/inbox");
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FreshInstall_FirstRunSetUpCreatesTheAdministrator()
    {
        await using var fresh = await AttuneServer.StartAsync(demo: false);
        var page = await web.NewPageAsync(fresh);
        await page.GotoAsync("/signin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Set it up" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up Attune" })).ToBeVisibleAsync();

        await page.GetByLabel("Your name").FillAsync("Robin Ade");
        await page.GetByLabel("Email").FillAsync("robin@example.org");
        await page.GetByLabel("Password", new() { Exact = false }).First.FillAsync("short");
        await page.GetByLabel("Password again").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create administrator" }).ClickAsync();
        await Assertions.Expect(page.GetByText("The password needs at least 12 characters.")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "setup");

        await page.GetByLabel("Password", new() { Exact = false }).First.FillAsync("a long enough secret");
        await page.GetByLabel("Password again").FillAsync("a long enough secret");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create administrator" }).ClickAsync();
        await WebApp.ArrivesAtAsync(page, "/settings");

        var again = await web.NewPageAsync(fresh);
        await again.GotoAsync("/setup");
        await Assertions.Expect(again.GetByText("an administrator exists")).ToBeVisibleAsync();
    }
}
