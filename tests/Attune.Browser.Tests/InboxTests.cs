using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Attune.App.Features.Demo;

namespace Attune.Browser.Tests;

public sealed partial class InboxTests(WebApp web)
{
    [GeneratedRegex("passed away", RegexOptions.IgnoreCase)]
    private static partial Regex BereavedRow();

    private static ILocator Row(IPage page, Regex text) =>
        page.Locator("table.inbox-table tbody tr").Filter(new() { HasTextRegex = text }).First;

    [Fact]
    public async Task Inbox_ShowsTheBereavedCustomerWithTheCareMarker()
    {
        var page = await web.SignInAsync(Demo.Agent);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inbox" })).ToBeVisibleAsync();

        var row = Row(page, BereavedRow());
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator(".vulnerable")).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator(".emotion")).ToBeVisibleAsync();

        // The details (what makes the customer vulnerable) are for leads and trained agents.
        var lead = await web.SignInAsync(Demo.Lead);
        var leadRow = Row(lead, BereavedRow());
        await Assertions.Expect(leadRow.Locator(".vulnerable")).ToContainTextAsync("bereavement");
        await Assertions.Expect(leadRow.Locator(".sla")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(lead, "inbox");
    }

    [Fact]
    public async Task Conversation_CoachingFlagsAHollowReply_ScoresAPlanHigher_AndSendingUpdatesTheTimeline()
    {
        var page = await web.SignInAsync(Demo.Agent);
        await Row(page, BereavedRow()).GetByRole(AriaRole.Link).ClickAsync();
        await WebApp.ArrivesAtAsync(page, "/conversations/");
        await Assertions.Expect(page.Locator("ol.timeline mark.evidence").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Playbook") })).ToBeVisibleAsync();

        var reply = page.GetByLabel(new Regex("^Your reply to"));
        await reply.FillAsync("I'm so sorry for your loss. I understand how hard this must be.");
        await Assertions.Expect(page.Locator("[data-flag=hollow]")).ToBeVisibleAsync();
        var hollow = int.Parse(await page.Locator(".score-number").GetAttributeAsync("data-score") ?? "-1", System.Globalization.CultureInfo.InvariantCulture);

        await reply.FillAsync("I'm so sorry for your loss. I understand how hard this must be. "
            + "I will close the account for you myself and email you the confirmation by Friday.");
        await Assertions.Expect(page.Locator("[data-flag=hollow]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-act=timeline]")).ToBeVisibleAsync();
        var acting = int.Parse(await page.Locator(".score-number").GetAttributeAsync("data-score") ?? "-1", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(acting > hollow, $"score {acting} with a next step and a time should beat {hollow} for the hollow reply");
        await Screenshots.TakeAsync(page, "conversation");

        await page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Assertions.Expect(page.Locator("ol.timeline li.agent").Last).ToContainTextAsync("email you the confirmation by Friday");
        await Assertions.Expect(reply).ToHaveValueAsync("");

        var customer = page.GetByRole(AriaRole.Heading, new() { Name = "Customer", Exact = true });
        await customer.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(customer).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "conversation-customer");
    }

    [Fact]
    public async Task NewMessagePostedThroughTheApi_AppearsInTheOpenInboxWithoutReload()
    {
        var page = await web.SignInAsync(Demo.Lead);
        await page.GetByLabel("Sort by").SelectOptionAsync("newest");
        await Assertions.Expect(page.Locator("table.inbox-table tbody tr").First).ToBeVisibleAsync();
        var name = "Live Tester " + Guid.NewGuid().ToString("N")[..6];

        using var http = new HttpClient { BaseAddress = web.Server.Address };
        http.DefaultRequestHeaders.Add("X-Api-Key", DemoSeeder.DemoApiKey);
        using var posted = await http.PostAsJsonAsync("/api/v1/messages", new
        {
            source = "browser-test",
            externalId = Guid.NewGuid().ToString("N"),
            text = "My card was charged twice for the same order and I need the money back today.",
            customer = new { externalId = name, name },
            channel = "chat",
        }, TestContext.Current.CancellationToken);
        posted.EnsureSuccessStatusCode();

        await Assertions.Expect(page.Locator("table.inbox-table tbody tr").Filter(new() { HasText = name })).ToBeVisibleAsync();
    }
}
