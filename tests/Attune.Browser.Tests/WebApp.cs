using Attune.App.Features.Demo;

[assembly: AssemblyFixture(typeof(Attune.Browser.Tests.WebApp))]

// One browser and one demo server for the whole run; pages of different tests must not race each other on 2 cores.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

namespace Attune.Browser.Tests;

/// <summary>The demo server and Debian's Chromium (headless, never downloaded), shared by every browser test.</summary>
public sealed class WebApp : IAsyncLifetime
{
    public const int Width = 1366;
    public const int Height = 768;

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private AttuneServer? _server;

    public AttuneServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public static string ChromiumPath => Environment.GetEnvironmentVariable("ATTUNE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium was not found at {ChromiumPath}. Install Debian's chromium package (./test.sh does) or set ATTUNE_CHROMIUM.");
        }
        Assertions.SetDefaultExpectTimeout(20_000);
        _server = await AttuneServer.StartAsync(demo: true);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true });
    }

    /// <summary>A fresh browser context (own cookies) at laptop size, pointed at the server.</summary>
    public async Task<IPage> NewPageAsync(AttuneServer? server = null)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = (server ?? Server).Address.ToString(),
            ViewportSize = new() { Width = Width, Height = Height },
            Locale = "en-GB",
        });
        // Generous: CI machines are small and the first page pays for JIT and the first circuit.
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs a demo person in through the sign-in page and waits for the inbox, live (its circuit connected:
    /// a link clicked before that can change the address and not the page).</summary>
    public async Task<IPage> SignInAsync(string email)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await ArrivesAtAsync(page, "/inbox");
        await page.Locator(".shell[data-interactive=true]").WaitForAsync();
        return page;
    }

    /// <summary>Waits until the page's address matches <paramref name="pattern"/> (a regular expression). Not
    /// WaitForURLAsync: when the address already matches, it waits for a load event that it can miss (the load came
    /// before it listened; microsoft/playwright-dotnet#3364), and sign-in and set-up then timed out now and then.</summary>
    public static Task ArrivesAtAsync(IPage page, string pattern) =>
        Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(pattern));

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>The demo people (see README).</summary>
public static class Demo
{
    public const string Admin = "admin@attune.demo";
    public const string Lead = "lead@attune.demo";
    public const string Agent = "agent@attune.demo";
    public const string GeneralAgent = "general@attune.demo";
}
