using System.Collections.Concurrent;
using System.Security.Cryptography;
using Chancery.Data;
using Chancery.Domain.Invitations;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.Door;

/// <summary>
/// What the door needs of an event, worked out once per event and server rather than per scan: the event itself
/// (which mission it is in), the public key that verifies signed codes, and the typed codes of its guests and their
/// plus-ones. The typed codes are
/// worked out again when a code is not found and the book is older than <see cref="Fresh"/> (a guest added
/// since), never more often, so a run of wrong codes costs nothing.
/// </summary>
public sealed class DoorCodeBook(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(10);

    // The key as bytes: an ECDsa object is not safe to share between threads, and importing one per scan is cheap.
    private sealed record Page(byte[] PublicKey, IReadOnlyDictionary<string, DoorPass> Typed, DateTimeOffset MadeAt);

    private readonly ConcurrentDictionary<Guid, Task<Page>> _events = new();
    private readonly ConcurrentDictionary<Guid, Events.Event> _known = new();

    /// <summary>
    /// The event, whatever mission it is in, read once per server (the caller checks the user may act there before
    /// anything else is worked out): a door request finds its event without a query. The door reads only its id and
    /// mission, which never change. <see cref="DomainErrorKind.NotFound"/> when there is no such event.
    /// </summary>
    public async Task<Events.Event> EventAsync(Guid eventId)
    {
        if (_known.TryGetValue(eventId, out var known))
        {
            return known;
        }
        using var system = scopes.CreateScope();
        system.ServiceProvider.GetRequiredService<Missions.MissionScope>().EnterSystem();
        var e = await system.ServiceProvider.GetRequiredService<ChanceryDb>().Events.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.Id == eventId)
            ?? throw DomainException.NotFound("event");
        return _known.GetOrAdd(eventId, e);
    }

    /// <summary>Whom the code admits at this event, or why not (<see cref="CheckInReasons"/>).</summary>
    public async Task<(DoorPass? Pass, string? Reason)> ReadAsync(Events.Event e, string code, CancellationToken ct = default)
    {
        var page = await PageAsync(e.Id);
        if (code.StartsWith(DoorCodes.Prefix, StringComparison.Ordinal))
        {
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(page.PublicKey, out _);
            if (DoorCodes.Verify(key, e.Id, code) is { } pass)
            {
                return (pass, null);
            }
            return (null, DoorCodes.ClaimedEvent(code) is { } other && other != e.Id ? CheckInReasons.WrongEvent : CheckInReasons.NotOnList);
        }
        var typed = GuestSecrets.NormalizeTypedCode(code);
        if (page.Typed.TryGetValue(typed, out var found))
        {
            return (found, null);
        }
        if (clock.GetUtcNow() - page.MadeAt > Fresh && _events.TryGetValue(e.Id, out var stale) && ReferenceEquals(await stale, page))
        {
            _events.TryRemove(new KeyValuePair<Guid, Task<Page>>(e.Id, stale)); // only the page read, not one just made by another scan
            page = await PageAsync(e.Id);
            if (page.Typed.TryGetValue(typed, out found))
            {
                return (found, null);
            }
        }
        return (null, CheckInReasons.NotOnList);
    }

    /// <summary>The event's public key for door stations (SubjectPublicKeyInfo, base64), as <see cref="EventKeyRing"/> stores it.</summary>
    public async Task<string> PublicKeyAsync(Events.Event e, CancellationToken ct = default) =>
        Convert.ToBase64String((await PageAsync(e.Id)).PublicKey);

    private Task<Page> PageAsync(Guid eventId) =>
        // Made once for every scan waiting on it, so no one scan's cancellation may end it.
        _events.GetOrAdd(eventId, id => MakeAsync(id)).ContinueWith(t =>
        {
            if (!t.IsCompletedSuccessfully)
            {
                _events.TryRemove(new KeyValuePair<Guid, Task<Page>>(eventId, t)); // a failed reading is not kept: the next scan tries again
            }
            return t;
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).Unwrap();

    private async Task<Page> MakeAsync(Guid eventId, CancellationToken ct = default)
    {
        var e = await EventAsync(eventId);
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<Missions.MissionScope>().EnterBackground(e.MissionId);
        using var keys = await scope.ServiceProvider.GetRequiredService<EventKeyRing>().ForAsync(e, ct);
        var guests = await scope.ServiceProvider.GetRequiredService<ChanceryDb>().Guests.AsNoTracking().Where(g => g.EventId == e.Id)
            .Select(g => new { g.Id, g.PlusOnes, g.PlusOnesAllowed }).ToListAsync(ct);
        var typed = new Dictionary<string, DoorPass>(StringComparer.Ordinal);
        foreach (var g in guests)
        {
            var companions = Math.Min(byte.MaxValue, Math.Max(g.PlusOnes, g.PlusOnesAllowed ?? 0));
            for (var n = 0; n <= companions; n++)
            {
                typed[GuestSecrets.TypedCode(keys.Secret, g.Id, (byte)n)] = new DoorPass(e.Id, g.Id, (byte)n);
            }
        }
        return new Page(Convert.FromBase64String(keys.PublicKey), typed, clock.GetUtcNow());
    }
}
