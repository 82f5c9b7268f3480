using System.Buffers.Text;
using System.Security.Cryptography;
using Chancery.Domain.Invitations;

namespace Chancery.Tests.Invitations;

/// <summary>The signed door code, the RSVP token and the typed code (docs/door-codes.md).</summary>
public sealed class DoorCodeTests
{
    private static readonly Guid Event = Guid.Parse("0199a0b1-2c3d-7e4f-8a9b-0c1d2e3f4a5b");
    private static readonly Guid Guest = Guid.Parse("0199a0b1-2c3d-7e4f-8a9b-112233445566");

    [Fact]
    public void A_signed_code_is_verified_with_the_public_key_alone_and_says_whom_it_admits()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var door = ECDsa.Create();
        door.ImportSubjectPublicKeyInfo(key.ExportSubjectPublicKeyInfo(), out _); // what a door station holds

        var code = DoorCodes.Sign(key, new DoorPass(Event, Guest, 0));
        var plusOne = DoorCodes.Sign(key, new DoorPass(Event, Guest, 2));

        Assert.StartsWith("CH1.", code, StringComparison.Ordinal);
        Assert.Equal(4 + 131, code.Length);
        Assert.Equal(new DoorPass(Event, Guest, 0), DoorCodes.Verify(door, Event, code));
        Assert.Equal(new DoorPass(Event, Guest, 2), DoorCodes.Verify(door, Event, plusOne));
    }

    [Fact]
    public void A_code_changed_in_any_byte_or_signed_by_another_event_or_of_another_version_is_refused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var otherEvent = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var code = DoorCodes.Sign(key, new DoorPass(Event, Guest, 0));
        var bytes = Base64Url.DecodeFromChars(code.AsSpan(4));

        for (var i = 0; i < bytes.Length; i += 7)
        {
            var tampered = (byte[])bytes.Clone();
            tampered[i] ^= 0x01;
            Assert.Null(DoorCodes.Verify(key, Event, "CH1." + Base64Url.EncodeToString(tampered)));
        }
        Assert.Null(DoorCodes.Verify(otherEvent, Event, code));
        Assert.Null(DoorCodes.Verify(key, Event, "CH2." + code[4..]));
        Assert.Null(DoorCodes.Verify(key, Event, "CH1." + new string('A', 500)));
        Assert.Null(DoorCodes.Verify(key, Event, "not a code"));
        Assert.Null(DoorCodes.Verify(key, Event, null));
        Assert.Null(DoorCodes.Verify(key, Guest, code)); // a good code, shown at another event's door
    }

    [Fact]
    public void The_rsvp_token_is_128_bits_the_same_each_time_different_per_guest_and_event_and_only_its_hash_is_kept()
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        var token = GuestSecrets.Token(secret, Guest);

        Assert.Equal(22, token.Length); // 16 bytes, base64url
        Assert.Equal(16, Base64Url.DecodeFromChars(token).Length);
        Assert.Equal(token, GuestSecrets.Token(secret, Guest));
        Assert.NotEqual(token, GuestSecrets.Token(secret, Event));
        Assert.NotEqual(token, GuestSecrets.Token(RandomNumberGenerator.GetBytes(32), Guest));
        Assert.NotEqual(token, GuestSecrets.TokenHash(token));
        Assert.Equal(GuestSecrets.TokenHash(token), GuestSecrets.TokenHash(token));
    }

    [Fact]
    public void The_typed_code_uses_no_look_alike_characters_and_reads_back_however_it_is_typed()
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        var codes = Enumerable.Range(0, 2000).Select(_ => GuestSecrets.TypedCode(secret, Guid.NewGuid())).ToList();

        Assert.All(codes, c => Assert.Matches("^[A-HJKMNP-TV-Z2-9]{4}-[A-HJKMNP-TV-Z2-9]{4}-[A-HJKMNP-TV-Z2-9]{4}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.DoesNotContain(codes, c => c.IndexOfAny(['0', 'O', '1', 'I', 'L', 'U']) >= 0);
        Assert.NotEqual(GuestSecrets.TypedCode(secret, Guest), GuestSecrets.TypedCode(secret, Guest, companion: 1));
        var code = GuestSecrets.TypedCode(secret, Guest);
        Assert.Equal(code, GuestSecrets.NormalizeTypedCode(code.Replace("-", " ", StringComparison.Ordinal).ToLowerInvariant()));
    }
}
