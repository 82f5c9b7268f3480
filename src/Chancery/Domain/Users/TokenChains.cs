using System.Security.Claims;
using Chancery.Data;
using Chancery.Domain.Missions;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.Users;

/// <summary>Starts a chain at sign-in and moves it on at each refresh; a refresh token used twice ends its chain (<see cref="TokenChain"/>).</summary>
public sealed partial class TokenChains(ChanceryDb db, MembershipCache cache, TimeProvider clock, ILogger<TokenChains> log)
{
    /// <summary>Starts a chain for a program that signed in, and marks the principal its tokens are made from with it.</summary>
    public async Task StartAsync(ClaimsPrincipal principal, Guid userId, TimeSpan refreshLifetime, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        // A program signing in every morning would leave a chain a day: the ones that can no longer be used go.
        await db.TokenChains.Where(c => c.UserId == userId && c.ExpiresAt < now).ExecuteDeleteAsync(ct);
        var chain = new TokenChain { UserId = userId, CurrentTokenId = Guid.NewGuid(), CreatedAt = now, ExpiresAt = now + refreshLifetime };
        db.TokenChains.Add(chain);
        await db.SaveChangesAsync(ct);
        Mark(principal, chain.Id, chain.CurrentTokenId);
    }

    /// <summary>
    /// Replaces the chain's current token with a new one and marks the principal with it; false (and the chain ended)
    /// when the token presented is not the chain's current one — it was used before — or the chain has ended.
    /// </summary>
    public async Task<bool> AdvanceAsync(ClaimsPrincipal presented, ClaimsPrincipal next, TimeSpan refreshLifetime, CancellationToken ct = default)
    {
        if (!Guid.TryParse(presented.FindFirstValue(Infrastructure.CurrentSessions.ChainClaim), out var chainId)
            || !Guid.TryParse(presented.FindFirstValue(Infrastructure.CurrentSessions.TokenClaim), out var tokenId))
        {
            return false; // a token from before chains, or not ours
        }
        var now = clock.GetUtcNow();
        var newToken = Guid.NewGuid();
        // One conditional update: of two requests presenting the same token, exactly one moves the chain on.
        var moved = await db.TokenChains
            .Where(c => c.Id == chainId && c.CurrentTokenId == tokenId && c.RevokedAt == null && c.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.CurrentTokenId, newToken).SetProperty(c => c.ExpiresAt, now + refreshLifetime), ct);
        if (moved == 1)
        {
            Mark(next, chainId, newToken);
            return true;
        }
        var ended = await db.TokenChains.Where(c => c.Id == chainId && c.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.RevokedAt, now), ct);
        if (ended == 1)
        {
            // The chain's access tokens stop at once (an update past SaveChanges: SaveHooks does not see it).
            var owner = await db.TokenChains.Where(c => c.Id == chainId).Select(c => c.UserId).FirstAsync(ct);
            cache.ForgetUser(owner);
            ChainEnded(log, chainId);
        }
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A refresh token of chain {Chain} was presented after it had been replaced; the chain is ended and its tokens refused")]
    private static partial void ChainEnded(ILogger logger, Guid chain);

    private static void Mark(ClaimsPrincipal principal, Guid chain, Guid token)
    {
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(Infrastructure.CurrentSessions.ChainClaim, chain.ToString()));
        identity.AddClaim(new Claim(Infrastructure.CurrentSessions.TokenClaim, token.ToString()));
    }
}
