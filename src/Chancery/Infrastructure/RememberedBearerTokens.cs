using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Chancery.Infrastructure;

/// <summary>
/// Reading a bearer token means decrypting and verifying it (Data Protection) and deserialising its claims: in a
/// profile of an API read that was a tenth of the request, and the finalizer thread freeing its crypto handles took
/// as much again. A door station or a script sends one token thousands of times, so a token once read is remembered
/// for a minute. Nothing is weakened: only a token that verified is remembered, the handler still refuses it once its
/// own expiry passes, and each request gets its own copy of the claims.
/// </summary>
internal sealed class RememberedBearerTokens(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>, IDisposable
{
    private static readonly TimeSpan Remember = TimeSpan.FromMinutes(1);
    private readonly MemoryCache _read = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null)
        {
            return inner.Unprotect(protectedText, purpose);
        }
        if (!_read.TryGetValue(protectedText, out AuthenticationTicket? ticket))
        {
            ticket = inner.Unprotect(protectedText);
            if (ticket is null)
            {
                return null;
            }
            _read.Set(protectedText, ticket, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Remember, Size = 1 });
        }
        return new AuthenticationTicket(ticket!.Principal.Clone(), ticket.Properties.Clone(), ticket.AuthenticationScheme);
    }

    public void Dispose() => _read.Dispose();

    /// <summary>Wraps the bearer scheme's token reader, after the framework has made it.</summary>
    internal sealed class Setup : IPostConfigureOptions<BearerTokenOptions>
    {
        public void PostConfigure(string? name, BearerTokenOptions options)
        {
            if (options.BearerTokenProtector is not RememberedBearerTokens)
            {
                options.BearerTokenProtector = new RememberedBearerTokens(options.BearerTokenProtector);
            }
        }
    }
}
