using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Data;
using Chancery.Domain.Invitations;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Chancery.BrowserTests.StaffShellTests;

namespace Chancery.BrowserTests;

/// <summary>The guest's reply page on a phone, in English, Chinese and Arabic, answered without the office.</summary>
public sealed class RsvpBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_guest_answers_on_a_phone_in_their_own_language_and_gets_their_door_code()
    {
        var f = fixture.Ready();
        var mission = await f.App.CreateMissionAsync($"Embassy of Finland {Guid.NewGuid():N}"[..30]);
        var api = await f.App.ApiClientAsync(await f.App.CreateUserAsync(mission.Id, MissionRole.Protocol));
        using var form = new MultipartFormDataContent { { new ByteArrayContent(SampleFiles.Fixture("names-in-six-scripts.csv")), "file", "names.csv" } };
        (await api.PostAsync("/api/contacts/import", form)).EnsureSuccessStatusCode();
        var day = f.App.Clock.GetUtcNow().UtcDateTime.Date.AddDays(60);
        var e = await (await api.PostAsJsonAsync("/api/events", new
        {
            title = "National Day reception",
            startsAt = $"{day:yyyy-MM-dd}T18:00",
            timeZone = "Asia/Shanghai",
            venue = "Residence of the Ambassador",
            hosts = "The Ambassador of Finland",
            rsvpBy = $"{day.AddDays(-10):yyyy-MM-dd}",
            dressCode = "Lounge suit",
            languages = (string[])["en", "zh", "ar"],
        })).Content.ReadFromJsonAsync<JsonElement>();
        var eventId = Guid.Parse(e.GetProperty("id").GetString()!);
        (await api.PostAsJsonAsync($"/api/events/{eventId}/guests", new { filter = new { } })).EnsureSuccessStatusCode();
        await f.App.WithDbAsync(db => db.Guests.IgnoreQueryFilters().Where(g => g.EventId == eventId && g.Contact!.Email == "wang.wei@china.example.org")
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.WithPartner, true)));
        (await api.PostAsJsonAsync($"/api/events/{eventId}/invitations", new { })).EnsureSuccessStatusCode();

        // The links the e-mails carry, derived as the invitation derives them.
        var links = new Dictionary<string, string>();
        using (var scope = f.App.BackgroundScope(mission.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<ChanceryDb>();
            var ev = await db.Events.SingleAsync(x => x.Id == eventId);
            using var keys = await scope.ServiceProvider.GetRequiredService<EventKeyRing>().ForAsync(ev);
            foreach (var (email, language) in new[] { ("amara.nwosu@who.example.int", "en"), ("wang.wei@china.example.org", "zh"), ("rana.alkhatib@jordan.example.org", "ar") })
            {
                var guest = await db.Guests.SingleAsync(g => g.EventId == eventId && g.Contact!.Email == email);
                links[language] = "/rsvp/" + GuestSecrets.Token(keys.Secret, guest.Id);
            }
        }

        var page = await f.NewPageAsync(phone: true);
        var console = WatchConsole(page);
        foreach (var (language, link) in links)
        {
            await page.GotoAsync(link);
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", language == "ar" ? "rtl" : "ltr");
            await ScreenshotAsync(page, $"rsvp-phone-{language}");
            await Layout.AssertNoSidewaysScrollAsync(page);
            await Accessibility.AssertNoViolationsAsync(page);
        }

        // Wang accepts with his partner, in Chinese, and receives his code for the door.
        await page.GotoAsync(links["zh"]);
        await page.GetByLabel("是，乐意出席").CheckAsync();
        await page.GetByLabel("配偶同行", new() { Exact = false }).CheckAsync();
        await page.GetByLabel("饮食或无障碍需求").FillAsync("不吃海鲜");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交回复" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("谢谢");
        await Assertions.Expect(page.Locator(".door-pass img")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".typed-code")).ToContainTextAsync("入场码：");
        await Layout.AssertNoSidewaysScrollAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);
        await ScreenshotAsync(page, "rsvp-phone-zh-accepted");

        var guests = (await api.GetFromJsonAsync<JsonElement[]>($"/api/events/{eventId}/guests?order=name"))!;
        Assert.Equal("accepted", guests.Single(g => g.GetProperty("contact").GetProperty("email").GetString() == "wang.wei@china.example.org").GetProperty("rsvp").GetString());
        Assert.Empty(console);

        // The e-mails themselves, as the office previews them (exactly what goes out, QR image inlined), on a phone:
        // each in its language and direction, styled (the preview's own policy allows the mail's inline styles),
        // the QR code shown, nothing wider than the screen.
        var staff = await f.NewPageAsync(phone: true);
        var staffConsole = WatchConsole(staff);
        await SignInAsync(staff, await f.App.CreateUserAsync(mission.Id, MissionRole.Protocol));
        foreach (var (email, language) in new[] { ("amara.nwosu@who.example.int", "en"), ("wang.wei@china.example.org", "zh"), ("rana.alkhatib@jordan.example.org", "ar") })
        {
            var guestId = guests.Single(g => g.GetProperty("contact").GetProperty("email").GetString() == email).GetProperty("id").GetString();
            await staff.GotoAsync($"/staff/events/{eventId}/invitations?preview={guestId}");
            await Assertions.Expect(staff.Locator("html")).ToHaveAttributeAsync("lang", language);
            await Assertions.Expect(staff.Locator("html")).ToHaveAttributeAsync("dir", language == "ar" ? "rtl" : "ltr");
            Assert.True(await staff.Locator("img").EvaluateAsync<bool>("i => i.complete && i.naturalWidth > 0"), $"the {language} QR code shows");
            Assert.Equal("center", await staff.Locator("body > div").EvaluateAsync<string>("d => getComputedStyle(d).textAlign"));
            await Layout.AssertNoSidewaysScrollAsync(staff);
            await ScreenshotAsync(staff, $"invitation-mail-phone-{language}");
        }
        await staff.GotoAsync($"/staff/events/{eventId}/invitations?preview={guests[0].GetProperty("id").GetString()}&kind=Reminder");
        await ScreenshotAsync(staff, "reminder-mail-phone");

        // The Invitations page itself, on a phone and on a desk: counts, sending, the waiting list, every guest's status.
        await f.App.WithDbAsync(db => db.Guests.IgnoreQueryFilters().Where(g => g.EventId == eventId && g.Contact!.Email == "olga.ivanova@russia.example.org")
            .ExecuteUpdateAsync(x => x.SetProperty(g => g.Rsvp, Chancery.Domain.Guests.RsvpAnswer.Waitlisted).SetProperty(g => g.WaitlistedAt, DateTimeOffset.UtcNow)));
        await staff.GotoAsync($"/staff/events/{eventId}/invitations");
        await Assertions.Expect(staff.Locator("#waiting")).ToBeVisibleAsync();
        await Layout.AssertNoSidewaysScrollAsync(staff);
        await Accessibility.AssertNoViolationsAsync(staff);
        await ScreenshotAsync(staff, "invitations-page-phone");
        var desk = await f.NewPageAsync();
        var deskConsole = WatchConsole(desk);
        await SignInAsync(desk, await f.App.CreateUserAsync(mission.Id, MissionRole.Protocol));
        await desk.GotoAsync($"/staff/events/{eventId}/invitations");
        await Accessibility.AssertNoViolationsAsync(desk);
        await ScreenshotAsync(desk, "invitations-page-desktop");
        // Printed cards (everyone invited) and envelope labels, as they will print.
        await desk.GotoAsync($"/staff/events/{eventId}/print/invitations?who=all&size=A6");
        Assert.True(await desk.Locator("article.invitation-card").CountAsync() >= 9);
        await ScreenshotAsync(desk, "invitation-cards-a6");
        await desk.GotoAsync($"/staff/events/{eventId}/print/envelope-labels?who=all");
        await ScreenshotAsync(desk, "envelope-labels");
        Assert.Empty(staffConsole);
        Assert.Empty(deskConsole);
    }
}
