using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Domain.Users;

/// <summary>
/// One sign-in of a program (a door station, a script) and the refresh tokens that followed from it. Only the newest
/// token of a chain is good: each refresh replaces it, so a token used a second time is a copy in someone else's
/// hands, and the whole chain ends with it — its access tokens too (<see cref="Infrastructure.CurrentSessions"/>).
/// </summary>
public sealed class TokenChain
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }
    /// <summary>The one refresh token of the chain that may still be used.</summary>
    public Guid CurrentTokenId { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>When the current refresh token expires; refreshing moves it on.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
