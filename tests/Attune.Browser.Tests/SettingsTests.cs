using Attune.App.Features.Organisation;
using Attune.App.Features.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Browser.Tests;

public sealed class SettingsTests(WebApp web)
{
    private async Task<IPage> OpenAsync(string email)
    {
        var page = await web.SignInAsync(email);
        await page.GotoAsync("/settings");
        await page.Locator(".settings[data-interactive=true]").WaitForAsync();
        return page;
    }

    private async Task<AgentView> AgentAsync(string name)
    {
        await using var scope = web.Server.Services.CreateAsyncScope();
        var agents = await scope.ServiceProvider.GetRequiredService<OrganisationQueries>().AgentsAsync(CancellationToken.None);
        return agents.Single(a => a.Name == name);
    }

    [Fact]
    public async Task Admin_EditsAnAgentsCapacity_SeesTheErrorInlineThenItSaved()
    {
        var page = await OpenAsync(Demo.Admin);
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "API keys" })).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "settings");

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit Tom Becker" }).ClickAsync();
        var capacity = page.GetByLabel("Capacity", new() { Exact = true });
        await capacity.FillAsync("99");
        await page.GetByLabel("Weekly shifts").FillAsync("mon-fri 09:00-17:30\nsat 10:00-14:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save agent" }).ClickAsync();
        await Assertions.Expect(page.Locator("#agent-capacity-error")).ToContainTextAsync("capacity 99 is out of range");
        await Assertions.Expect(capacity).ToHaveAttributeAsync("aria-invalid", "true");
        await Screenshots.TakeAsync(page, "settings-agent-error");

        await capacity.FillAsync("5");
        // Mei Lin's account already works the Mei Lin agent: linking it to Tom is refused beside the field.
        var signsInAs = page.GetByLabel("Signs in as");
        await signsInAs.SelectOptionAsync(new SelectOptionValue { Label = "Mei Lin (general@attune.demo)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save agent" }).ClickAsync();
        await Assertions.Expect(page.Locator("#agent-user-error")).ToContainTextAsync("linked to another agent");
        await signsInAs.SelectOptionAsync(new SelectOptionValue { Label = "Nobody yet" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save agent" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Saved Tom Becker.")).ToBeVisibleAsync();

        var tom = await AgentAsync("Tom Becker");
        Assert.Equal(5, tom.Capacity);
        Assert.Equal(2, tom.Shifts.Count);
        Assert.Equal(["mon", "tue", "wed", "thu", "fri"], tom.Shifts[0].Days);
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Tom Becker" })).ToContainTextAsync("sat 10:00–14:00");
    }

    [Fact]
    public async Task Agent_SeesNoAdminControls_AndSetsOwnStatus()
    {
        var page = await OpenAsync(Demo.Agent);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your status" })).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Edit" }).CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Add an agent" }).CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Tab, new() { Name = "API keys" }).CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Tab, new() { Name = "Users" }).CountAsync());
        await page.GetByRole(AriaRole.Tab, new() { Name = "Desks" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Open conversations" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Care", Exact = true })).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Add desk" }).CountAsync());

        await page.GetByRole(AriaRole.Tab, new() { Name = "Agents" }).ClickAsync();
        await page.GetByLabel("Set your status").SelectOptionAsync("break");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save status" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your status is now break.")).ToBeVisibleAsync();
        Assert.Equal("break", (await AgentAsync("Sara Janssen")).Status);
        await Screenshots.TakeAsync(page, "settings-agent");
    }

    [Fact]
    public async Task Admin_CreatesAnApiKey_SeesItOnce_AndRevokesIt()
    {
        var page = await OpenAsync(Demo.Admin);
        await page.GetByRole(AriaRole.Tab, new() { Name = "API keys" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        await Assertions.Expect(page.Locator("#key-name-error")).ToContainTextAsync("name is required");
        await page.GetByLabel("Key name").FillAsync("Helpdesk connector");
        await page.GetByLabel("ingest", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var key = await page.GetByLabel("Key", new() { Exact = true }).InputValueAsync();
        Assert.StartsWith("atn_", key, StringComparison.Ordinal);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Helpdesk connector" });
        await Assertions.Expect(row.GetByRole(AriaRole.Cell, new() { Name = "never", Exact = true })).ToBeVisibleAsync();

        // Used once: the row says when, after the next load of the list.
        var api = await page.Context.APIRequest.GetAsync("/api/v1/auth/me", new() { Headers = new Dictionary<string, string> { ["X-Api-Key"] = key } });
        Assert.Contains("apikey:Helpdesk connector", await api.TextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Users" }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "API keys" }).ClickAsync();
        await Assertions.Expect(row.GetByRole(AriaRole.Cell).Nth(4)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$"));
        await Screenshots.TakeAsync(page, "settings-api-keys");

        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke key Helpdesk connector" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, revoke" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Revoked");
        await page.GotoAsync("/settings");
        Assert.Equal(0, await page.GetByText(key).CountAsync());
    }

    [Fact]
    public async Task Admin_AddsAPerson_SeesTheErrorInline_ThenChangesTheirRoles()
    {
        var page = await OpenAsync(Demo.Admin);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Users" }).ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Add a person" });

        await form.GetByLabel("Name", new() { Exact = true }).FillAsync("Noor Haddad");
        var email = form.GetByLabel("Email", new() { Exact = true });
        await email.FillAsync("noor.example.com");
        await form.GetByLabel("Initial password").FillAsync("a long enough password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await Assertions.Expect(page.Locator("#user-email-error")).ToContainTextAsync("must be an e-mail address");
        await Assertions.Expect(email).ToHaveAttributeAsync("aria-invalid", "true");

        await email.FillAsync("noor@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Added Noor Haddad (noor@example.com) as agent.")).ToBeVisibleAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "noor@example.com" });
        await Assertions.Expect(row.GetByRole(AriaRole.Cell, new() { Name = "Noor Haddad", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(row.GetByRole(AriaRole.Cell, new() { Name = "agent", Exact = true })).ToBeVisibleAsync();
        Assert.Equal(["agent"], (await UserAsync("noor@example.com")).Roles);
        await Screenshots.TakeAsync(page, "settings-users");

        await row.GetByRole(AriaRole.Group, new() { Name = "Roles for Noor Haddad" }).GetByLabel("lead", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save roles for Noor Haddad" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Noor Haddad now has roles: agent, lead.")).ToBeVisibleAsync();
        Assert.Equal(["agent", "lead"], (await UserAsync("noor@example.com")).Roles);

        // The demo has one administrator: the service refuses to remove the last one and the row says why.
        var admin = page.GetByRole(AriaRole.Row).Filter(new() { HasText = Demo.Admin });
        await admin.GetByRole(AriaRole.Group, new() { Name = "Roles for Alex Morgan" }).GetByLabel("admin", new() { Exact = true }).UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save roles for Alex Morgan" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("last administrator");
        Assert.Contains("admin", (await UserAsync(Demo.Admin)).Roles);
        await Screenshots.TakeAsync(page, "settings-users-error");
    }

    [Fact]
    public async Task Admin_ReadsTheAuditLog_FiltersItAndPagesBack()
    {
        var page = await OpenAsync(Demo.Admin);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Audit log" }).ClickAsync();
        var rows = page.Locator("table.audit tbody tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();

        await page.GetByLabel("What").SelectOptionAsync(new SelectOptionValue { Label = "Sign-ins" });
        await page.GetByLabel("Who (part of an email or key name)").FillAsync("ADMIN@attune");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Assertions.Expect(rows.First).ToContainTextAsync("Signed in");
        await Assertions.Expect(rows.First).ToContainTextAsync(Demo.Admin);
        foreach (var actor in await page.Locator("table.audit tbody tr td:nth-child(2)").AllInnerTextsAsync())
        {
            Assert.Equal(Demo.Admin, actor);
        }
        await Screenshots.TakeAsync(page, "settings-audit");

        // Sixty events of one actor: a page of 50, then the 10 older ones, each once, and no more to show.
        await using (var scope = web.Server.Services.CreateAsyncScope())
        {
            var audit = scope.ServiceProvider.GetRequiredService<Audit>();
            for (var i = 1; i <= 60; i++)
            {
                await audit.RecordAsync("apikey:paging-check", "conversation.noted", $"conversation:{i}", $"event {i}", CancellationToken.None);
            }
        }
        await page.GetByLabel("What").SelectOptionAsync(new SelectOptionValue { Label = "Everything" });
        await page.GetByLabel("Who (part of an email or key name)").FillAsync("paging-check");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(50);
        await Assertions.Expect(rows.First).ToContainTextAsync("event 60");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show older" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(60);
        await Assertions.Expect(rows.Last).ToContainTextAsync("event 1");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Show older" })).ToHaveCountAsync(0);
        var details = await page.Locator("table.audit tbody tr td.detail").AllInnerTextsAsync();
        Assert.Equal(Enumerable.Range(1, 60).Reverse().Select(i => $"event {i}"), details);
    }

    [Fact]
    public async Task Admin_AddsAWebhook_SeesItsSecretOnce_SendsATest_AndPausesIt()
    {
        var page = await OpenAsync(Demo.Admin);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Webhooks" }).ClickAsync();
        var url = page.GetByLabel("URL", new() { Exact = true });

        await url.FillAsync("not a url");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add webhook" }).ClickAsync();
        await Assertions.Expect(page.Locator("#hook-url-error")).ToContainTextAsync("absolute http(s) URL");
        await Assertions.Expect(url).ToHaveAttributeAsync("aria-invalid", "true");

        await url.FillAsync("https://crm.example.com/attune-hook");
        await page.GetByLabel("reading.vulnerable").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add webhook" }).ClickAsync();
        var secret = page.GetByLabel("Secret", new() { Exact = true });
        await Assertions.Expect(secret).Not.ToHaveValueAsync("");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "https://crm.example.com/attune-hook" });
        await Assertions.Expect(row).ToContainTextAsync("reading.vulnerable");
        await Assertions.Expect(row).ToContainTextAsync("none yet");

        // The delivery job does not run in these tests, so the test waits to be sent.
        await row.GetByRole(AriaRole.Button, new() { Name = "Send a test to https://crm.example.com/attune-hook" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Test queued for https://crm.example.com/attune-hook")).ToBeVisibleAsync();
        await Assertions.Expect(row).ToContainTextAsync("1 being tried");
        await row.GetByRole(AriaRole.Button, new() { Name = "Deliveries to https://crm.example.com/attune-hook" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Deliveries to https://crm.example.com/attune-hook, newest first (the last 20)" }))
            .ToContainTextAsync("waiting to be sent");
        await page.Locator("tr.deliveries").ScrollIntoViewIfNeededAsync();
        await Screenshots.TakeAsync(page, "settings-webhooks");

        await row.GetByRole(AriaRole.Button, new() { Name = "Pause https://crm.example.com/attune-hook" }).ClickAsync();
        await Assertions.Expect(row.GetByText("Paused", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = "Send a test to https://crm.example.com/attune-hook" })).ToHaveCountAsync(0);
        await row.GetByRole(AriaRole.Button, new() { Name = "Resume https://crm.example.com/attune-hook" }).ClickAsync();
        await Assertions.Expect(row.GetByText("Active", new() { Exact = true })).ToBeVisibleAsync();
    }

    private async Task<UserView> UserAsync(string email)
    {
        await using var scope = web.Server.Services.CreateAsyncScope();
        var users = await scope.ServiceProvider.GetRequiredService<Users>().ListAsync(CancellationToken.None);
        return users.Single(u => u.Email == email);
    }

    [Fact]
    public async Task Lead_ReadsThePlaybooks()
    {
        var page = await OpenAsync(Demo.Lead);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Playbooks" }).ClickAsync();
        await page.GetByText("Bereavement", new() { Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByText("Open with a sincere condolence", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Japan JP" })).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Tab, new() { Name = "API keys" }).CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Tab, new() { Name = "Users" }).CountAsync());
        await Screenshots.TakeAsync(page, "settings-playbooks");
    }
}
