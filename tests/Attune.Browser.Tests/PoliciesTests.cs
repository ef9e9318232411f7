namespace Attune.Browser.Tests;

public sealed class PoliciesTests(WebApp web)
{
    private static int LineOf(string text, string start) =>
        text.Split('\n').Select((line, i) => (line, i)).First(x => x.line.StartsWith(start, StringComparison.Ordinal)).i + 1;

    [Fact]
    public async Task Lead_FixesAnInvalidDraft_SimulatesBothSideBySide_AndActivates()
    {
        var page = await web.SignInAsync(Demo.Lead);
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Policies" }))
            .ToHaveAttributeAsync("href", "/policies");
        await page.GotoAsync("/policies");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Routing policies" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Valid — attune-default")).ToBeVisibleAsync();
        var editor = page.GetByLabel("Policy YAML", new() { Exact = true });
        await Assertions.Expect(editor).ToBeEditableAsync(new() { Timeout = 30_000 });
        var active = await editor.InputValueAsync();

        var broken = active.Replace("fallback: { desk: Support, mode: human,", "fallback: { desk: Support, mode: robot,", StringComparison.Ordinal);
        Assert.NotEqual(active, broken);
        await editor.FillAsync(broken);
        var problems = page.GetByRole(AriaRole.List, new() { Name = "Problems in the draft" });
        await Assertions.Expect(problems).ToContainTextAsync($"Line {LineOf(broken, "fallback:")}");
        await Assertions.Expect(problems).ToContainTextAsync("fallback.mode");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Activate draft…" })).ToBeDisabledAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Simulate against the last 7 days" })).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("#activate-why")).ToContainTextAsync("never activated");
        await problems.GetByRole(AriaRole.Button).First.ClickAsync();
        await Assertions.Expect(editor).ToBeFocusedAsync();
        await Screenshots.TakeAsync(page, "policies-invalid");

        var fixedDraft = active
            .Replace("version: \"2026-11-23.1\"", "version: \"2026-11-23.2\"", StringComparison.Ordinal)
            .Replace("care:         { calendar: office, first_reply: 1h,", "care:         { calendar: office, first_reply: 45m,", StringComparison.Ordinal);
        Assert.Contains("first_reply: 45m", fixedDraft, StringComparison.Ordinal);
        await editor.FillAsync(fixedDraft);
        await Assertions.Expect(page.GetByText("Valid — attune-default version 2026-11-23.2")).ToBeVisibleAsync();
        await page.GetByLabel("Draft title").FillAsync("Care answers within 45 minutes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Saved by lead@attune.demo")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Simulate against the last 7 days" }).ClickAsync();
        var compared = page.GetByRole(AriaRole.Table, new() { Name = "Active policy and draft compared" });
        await Assertions.Expect(compared).ToContainTextAsync("attune-default 2026-11-23.1");
        await Assertions.Expect(compared).ToContainTextAsync("attune-default 2026-11-23.2");
        await Assertions.Expect(compared).ToContainTextAsync("First reply within SLA");
        await Assertions.Expect(compared).ToContainTextAsync("Vulnerable customers handled by trained people");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Waits by segment" })).ToContainTextAsync("Vulnerable");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Peak emotional load per agent" })).ToBeVisibleAsync();
        await page.EvaluateAsync("() => { document.querySelector('.code-scroll').scrollTop = 0; window.scrollTo(0, 0); }");
        await Screenshots.TakeAsync(page, "policies");
        await page.EvaluateAsync("() => document.getElementById('sim-title').scrollIntoView()");
        await Screenshots.TakeAsync(page, "policies-compare");

        await page.GetByRole(AriaRole.Button, new() { Name = "Activate draft…" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Alertdialog);
        await Assertions.Expect(confirm).ToContainTextAsync("2026-11-23.2");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Yes, activate" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Activated attune-default version 2026-11-23.2")).ToBeVisibleAsync();
        var history = page.GetByRole(AriaRole.Region, new() { Name = "Version history" });
        await Assertions.Expect(history.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("2026-11-23.2");
        await Assertions.Expect(history.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("lead@attune.demo");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Active policy" })).ToContainTextAsync("version 2026-11-23.2");
    }

    [Fact]
    public async Task Agent_CannotOpenThePolicyEditor()
    {
        var page = await web.SignInAsync(Demo.Agent);
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Policies" })).ToHaveCountAsync(0);

        await page.GotoAsync("/policies");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You don't have access to this page" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Policy YAML", new() { Exact = true })).ToHaveCountAsync(0);
    }
}
