using System.Net;
using Chancery.Tests.Infrastructure;

namespace Chancery.Tests.Invitations;

/// <summary>Guessing RSVP links is slowed to a crawl: the page answers a handful of requests a minute from one address.</summary>
public sealed class RsvpRateLimitTests : IAsyncLifetime
{
    private readonly TestApp _app = new();

    public async ValueTask InitializeAsync()
    {
        _app.With("Security:RsvpRequestsPerMinute", "3");
        await _app.InitializeAsync();
        _app.Ready();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Guessing_links_is_refused_after_a_few_tries_with_when_to_come_back()
    {
        using var guesser = StaffSession.Anonymous(_app);
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await guesser.Client.GetAsync($"/rsvp/guess{i}AAAAAAAAAAAAAAAA"));
        }

        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.NotFound, a.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[4].StatusCode);
        Assert.NotNull(answers[4].Headers.RetryAfter);
    }
}
