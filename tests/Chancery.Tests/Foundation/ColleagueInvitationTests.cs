using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Chancery.Email;
using Chancery.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Tests.Foundation;

/// <summary>An administrator invites a colleague; the mail goes through a real SMTP server; the link sets a password once.</summary>
public sealed partial class ColleagueInvitationTests : IAsyncLifetime
{
    private readonly SmtpTestServer _smtp = new SmtpTestServer().Start();
    private readonly TestApp _app = new();

    public async ValueTask InitializeAsync()
    {
        _app.With("Email:Smtp:Host", "127.0.0.1").With("Email:Smtp:Port", _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("Email:Smtp:Security", "None").With("PublicBaseUrl", "http://chancery.test");
        await _app.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task An_invited_colleague_sets_a_password_through_the_link_once_and_signs_in_with_their_role()
    {
        using var admin = await StaffSession.SignInAsync(_app);
        var email = "nino.beridze@example.org";

        var invited = await admin.SubmitAsync("/staff/users/invite", "main form", new()
        {
            ["DisplayName"] = "ნინო ბერიძე",
            ["Email"] = email,
            ["Role"] = "2", // Press
        });
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);

        var mail = await _smtp.NextAsync();
        Assert.Equal(email, mail.To.Mailboxes.Single().Address);
        Assert.Contains("Press", mail.TextBody);
        var link = SetPasswordLink().Match(mail.TextBody ?? "").Value;
        Assert.StartsWith("http://chancery.test/account/set-password?user=", link);
        var path = new Uri(link).PathAndQuery;

        using var colleague = StaffSession.Anonymous(_app);
        var form = await colleague.GetPageAsync(path);
        Assert.Contains(email, form.Body!.TextContent);
        var set = await colleague.SubmitAsync(path, "main form", new() { ["Password"] = "a long new password", ["Confirm"] = "a long new password" });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);

        var api = await _app.ApiClientAsync(email, "a long new password");
        var me = await api.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal("Press", me.GetProperty("missions")[0].GetProperty("role").GetString());

        // The link is spent.
        await colleague.GetPageAsync(path, HttpStatusCode.NotFound);

        var users = await admin.GetPageAsync("/staff/users");
        Assert.Contains("ნინო ბერიძე", users.Body!.TextContent);
    }

    [Fact]
    public async Task Inviting_someone_already_in_the_mission_says_so_next_to_the_email_field()
    {
        using var admin = await StaffSession.SignInAsync(_app);

        var response = await admin.SubmitAsync("/staff/users/invite", "main form", new()
        {
            ["DisplayName"] = "Me again",
            ["Email"] = TestApp.AdminEmail,
            ["Role"] = "1",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await StaffSession.ReadAsync(response);
        Assert.Contains("already a member", page.QuerySelector("#email-error")?.TextContent);
    }

    [Fact]
    public async Task The_mail_page_shows_what_was_sent()
    {
        using var admin = await StaffSession.SignInAsync(_app);
        await admin.SubmitAsync("/staff/users/invite", "main form", new() { ["DisplayName"] = "Rana", ["Email"] = "rana@example.org", ["Role"] = "3" });
        await _smtp.NextAsync();

        var sent = await WaitForStatusAsync(OutboxStatus.Sent);

        var list = await admin.GetPageAsync("/staff/mail");
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("rana@example.org", StringComparison.Ordinal));
        Assert.Contains("a colleague", row.TextContent);
        var message = await admin.GetPageAsync($"/staff/mail/{sent}");
        Assert.Contains("Door", message.QuerySelector("pre")?.TextContent);
    }

    private async Task<Guid> WaitForStatusAsync(OutboxStatus status)
    {
        for (var i = 0; i < 100; i++)
        {
            var id = await _app.WithDbAsync(db => db.OutboxMessages.IgnoreQueryFilters().Where(m => m.Status == status).Select(m => (Guid?)m.Id).FirstOrDefaultAsync());
            if (id is { } found)
            {
                return found;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No outbox message reached {status}.");
    }

    [GeneratedRegex(@"http://chancery\.test/account/set-password\?\S+")]
    private static partial Regex SetPasswordLink();
}
