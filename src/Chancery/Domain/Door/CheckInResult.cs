namespace Chancery.Domain.Door;

/// <summary>What a scan comes to (API.md "Check-in"); the reason says more where the door needs it.</summary>
public enum CheckInResult
{
    Admitted,
    AlreadyCheckedIn,
    Declined,
    Unknown,
}

/// <summary>Why a scan did not admit, beyond the result: what the door page says in words.</summary>
public static class CheckInReasons
{
    /// <summary>A signed code of another event (unknown to this one).</summary>
    public const string WrongEvent = "wrongEvent";
    /// <summary>Neither a valid signed code nor a typed code of this event's guests.</summary>
    public const string NotOnList = "notOnList";
    /// <summary>The guest said yes when the event was full and has no place yet.</summary>
    public const string Waitlisted = "waitlisted";
    /// <summary>A plus-one's code beyond the people the guest said would come.</summary>
    public const string CompanionNotExpected = "companionNotExpected";
    /// <summary>The nonce was already used by a scan of another code: this scan was neither decided nor logged.</summary>
    public const string NonceReused = "nonceReused";
}
