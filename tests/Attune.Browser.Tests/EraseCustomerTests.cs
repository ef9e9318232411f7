using Attune.App.Features.Ingestion;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Browser.Tests;

public sealed class EraseCustomerTests(WebApp web)
{
    [Fact]
    public async Task Admin_ErasesACustomerFromTheirConversation_AfterConfirming_AndLeadsCannot()
    {
        long conversation;
        await using (var scope = web.Server.Services.CreateAsyncScope())
        {
            var said = await scope.ServiceProvider.GetRequiredService<IngestMessage>().HandleAsync(new IngestMessageRequest(
                "shop", "erase-1", "Please delete everything you hold about me.", new CustomerRef("erase-me", "Edda Eraser"), ConversationId: "erase-thread"),
                CancellationToken.None);
            conversation = said.Value!.ConversationId;
        }

        var lead = await web.SignInAsync(Demo.Lead);
        await lead.GotoAsync($"/conversations/{conversation}");
        await Assertions.Expect(lead.GetByRole(AriaRole.Heading, new() { Name = "Customer", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(lead.GetByRole(AriaRole.Button, new() { Name = "Erase this customer…" })).ToHaveCountAsync(0);

        var admin = await web.SignInAsync(Demo.Admin);
        await admin.GotoAsync($"/conversations/{conversation}");
        await admin.Locator(".conversation[data-interactive=true]").WaitForAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Erase this customer…" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#erase-warning")).ToContainTextAsync("cannot be undone");
        await admin.Locator("#erase-warning").ScrollIntoViewIfNeededAsync();
        await Screenshots.TakeAsync(admin, "conversation-erase");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Yes, erase Edda Eraser" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Erased Edda Eraser: 1 conversation, 1 message and 0 recorded needs");

        await admin.GotoAsync($"/conversations/{conversation}");
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Conversation not found" })).ToBeVisibleAsync();
    }
}
