using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace Chancery.Domain.Invitations;

/// <summary>Who a door code admits: a guest of an event, or one of the guest's plus-ones (1, 2, …).</summary>
public sealed record DoorPass(Guid EventId, Guid GuestId, byte Companion);

/// <summary>
/// The signed code in an invitation's QR image, which a door station checks with the event's public key and no
/// server (docs/door-codes.md). <c>CH1.</c> then base64url of: version (1 byte, 1), event id (16 bytes, RFC 4122
/// order), guest id (16), companion (1: 0 the guest, n the n-th plus-one), then an ECDSA P-256 SHA-256 signature
/// of those 34 bytes (64 bytes, r‖s as WebCrypto writes and reads it). 98 bytes, 135 characters.
/// </summary>
public static class DoorCodes
{
    public const string Prefix = "CH1.";
    public const byte Version = 1;
    private const int Signed = 34;
    private const int SignatureLength = 64;

    public static string Sign(ECDsa key, DoorPass pass)
    {
        Span<byte> code = stackalloc byte[Signed + SignatureLength];
        Write(pass, code[..Signed]);
        if (!key.TrySignData(code[..Signed], code[Signed..], HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation, out var written) || written != SignatureLength)
        {
            throw new CryptographicException("The door code's signature did not come out at 64 bytes; the key must be P-256.");
        }
        return Prefix + Base64Url.EncodeToString(code);
    }

    /// <summary>
    /// The pass the code admits at this event, or null when it is not a code of ours, of another version, of another
    /// event, or its signature fails. One pass may be written as more than one valid string (an ECDSA signature has
    /// two forms): admit by the pass (event, guest, companion), never by the text.
    /// </summary>
    public static DoorPass? Verify(ECDsa publicKey, Guid eventId, string? text) =>
        Verify(publicKey, text) is { } pass && pass.EventId == eventId ? pass : null;

    /// <summary>
    /// The event a code says it is for, unverified: only to tell door staff "this is another event's invitation"
    /// rather than "unknown". Never admits anyone.
    /// </summary>
    public static Guid? ClaimedEvent(string? text)
    {
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal) || text.Length > 200)
        {
            return null;
        }
        Span<byte> code = stackalloc byte[150];
        return Decodes(text) && Base64Url.TryDecodeFromChars(text.AsSpan(Prefix.Length), code, out var length) && length == Signed + SignatureLength && code[0] == Version
            ? new Guid(code[1..17], bigEndian: true) : null;
    }

    private static DoorPass? Verify(ECDsa publicKey, string? text)
    {
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal) || text.Length > 200)
        {
            return null;
        }
        Span<byte> code = stackalloc byte[150];
        // A scan is whatever the camera read: characters outside base64url, padding, a cut code are "unknown", never
        // an exception (TryDecodeFromChars throws on them; one such scan must not fail a door or its offline queue).
        if (!Decodes(text) || !Base64Url.TryDecodeFromChars(text.AsSpan(Prefix.Length), code, out var length) || length != Signed + SignatureLength || code[0] != Version)
        {
            return null;
        }
        if (!publicKey.VerifyData(code[..Signed], code[Signed..length], HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
        {
            return null;
        }
        return new DoorPass(new Guid(code[1..17], bigEndian: true), new Guid(code[17..33], bigEndian: true), code[33]);
    }

    // Whether what follows the prefix is base64url of a code's length: TryDecodeFromChars throws on anything else.
    private static bool Decodes(string text) => Base64Url.IsValid(text.AsSpan(Prefix.Length), out var decodable) && decodable == Signed + SignatureLength;

    private static void Write(DoorPass pass, Span<byte> into)
    {
        into[0] = Version;
        pass.EventId.TryWriteBytes(into[1..17], bigEndian: true, out _);
        pass.GuestId.TryWriteBytes(into[17..33], bigEndian: true, out _);
        into[33] = pass.Companion;
    }
}

/// <summary>
/// A guest's RSVP link token and typed door code, derived from the event's secret with HMAC-SHA256: the same
/// every time an invitation is written (a resent e-mail carries the same link), unguessable without the secret,
/// and only a hash of the token stored, so a copy of the database opens no one's page.
/// </summary>
public static class GuestSecrets
{
    /// <summary>Letters and digits that cannot be mistaken for one another when read or typed: no 0 or O, 1, I or L, and no U (V).</summary>
    public const string CodeAlphabet = "ABCDEFGHJKMNPQRSTVWXYZ23456789";

    /// <summary>128 bits, base64url: 22 characters.</summary>
    public static string Token(ReadOnlySpan<byte> eventSecret, Guid guestId) => Base64Url.EncodeToString(Derive(eventSecret, "rsvp", guestId).AsSpan(0, 16));

    /// <summary>What is stored of a token: its SHA-256, base64url.</summary>
    public static string TokenHash(string token) => Base64Url.EncodeToString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    /// <summary>"XXXX-XXXX-XXXX": 12 characters of a 30-letter alphabet, about 59 bits.</summary>
    public static string TypedCode(ReadOnlySpan<byte> eventSecret, Guid guestId, byte companion = 0)
    {
        var bytes = Derive(eventSecret, companion == 0 ? "code" : $"code{companion}", guestId);
        var n = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        Span<char> code = stackalloc char[14];
        for (int i = 0, at = 0; i < 12; i++, at++)
        {
            if (i is 4 or 8)
            {
                code[at++] = '-';
            }
            code[at] = CodeAlphabet[(int)(n % (ulong)CodeAlphabet.Length)];
            n /= (ulong)CodeAlphabet.Length;
        }
        return new string(code);
    }

    /// <summary>A typed code as door staff may type it (lower case, spaces, no dashes) in its printed form.</summary>
    public static string NormalizeTypedCode(string typed)
    {
        var plain = new string([.. typed.ToUpperInvariant().Where(char.IsAsciiLetterOrDigit)]);
        return plain.Length == 12 ? $"{plain[..4]}-{plain[4..8]}-{plain[8..]}" : plain;
    }

    private static byte[] Derive(ReadOnlySpan<byte> secret, string purpose, Guid guestId)
    {
        Span<byte> message = stackalloc byte[64];
        var length = System.Text.Encoding.ASCII.GetBytes(purpose, message);
        guestId.TryWriteBytes(message[length..], bigEndian: true, out _);
        return HMACSHA256.HashData(secret, message[..(length + 16)]);
    }
}
