using Chancery.Domain.Seating;

namespace Chancery.Tests.Seating;

/// <summary>Placement at table, rule by rule: the host's table first, right then left of the host, couples apart, hand placements kept.</summary>
public sealed class SeatingPlannerTests
{
    private static readonly Guid Top = Guid.NewGuid();
    private static readonly Guid Second = Guid.NewGuid();

    private static List<SeatPerson> Guests(int n) => [.. Enumerable.Range(0, n).Select(_ => new SeatPerson(Guid.NewGuid(), false))];

    [Fact]
    public void The_most_senior_sits_on_the_hosts_right_the_next_on_the_left_and_so_on_outward()
    {
        Assert.Equal([2, 8, 3, 7, 4, 6, 5], SeatingPlanner.HonourOrder(8, hostInSeatOne: true));
        Assert.Equal([1, 2, 6, 3, 5, 4], SeatingPlanner.HonourOrder(6, hostInSeatOne: false));
    }

    [Fact]
    public void With_a_co_host_opposite_the_guests_of_honour_sit_right_of_each_host_then_left()
    {
        // Host in 1, co-host opposite in 5: host's right, co-host's right, host's left, co-host's left, then outward.
        Assert.Equal([2, 6, 8, 4, 3, 7], SeatingPlanner.HonourOrder(8, hostInSeatOne: true, coHostSeat: 5));
        var (placed, _) = SeatingPlanner.Plan(Guests(2), [new(Top, 8, true, 5)], []);
        Assert.Equal([2, 6], placed.Select(p => p.Seat));
    }

    [Fact]
    public void The_hosts_table_fills_before_the_next_one()
    {
        var people = Guests(12);

        var (placed, unseated) = SeatingPlanner.Plan(people, [new(Top, 8, true), new(Second, 8, false)], []);

        Assert.Empty(unseated);
        Assert.All(placed.Take(7), p => Assert.Equal(Top, p.TableId));
        Assert.All(placed.Skip(7), p => Assert.Equal(Second, p.TableId));
        Assert.Equal((Top, 2), (placed[0].TableId, placed[0].Seat)); // first in precedence: host's right
        Assert.Equal((Top, 8), (placed[1].TableId, placed[1].Seat)); // second: host's left
    }

    [Fact]
    public void A_partner_is_never_seated_beside_their_partner()
    {
        var guest = new SeatPerson(Guid.NewGuid(), false);
        var partner = guest with { IsPartner = true };
        var others = Guests(3);
        // Precedence puts the partner right after the guest, so the partner gets the next seat in honour that does not touch the guest's.
        var (placed, _) = SeatingPlanner.Plan([guest, partner, .. others], [new(Top, 4, true), new(Second, 6, false)], []);

        var g = placed.Single(p => p.Person == guest);
        var q = placed.Single(p => p.Person == partner);
        Assert.False(g.TableId == q.TableId && SeatingPlanner.Adjacent(g.Seat, q.Seat, 4));
        Assert.Equal((Top, 2), (g.TableId, g.Seat));
        Assert.Equal((Top, 4), (q.TableId, q.Seat)); // across the host, not beside the guest
    }

    [Fact]
    public void Seats_placed_by_hand_stay_and_the_others_fill_around_them()
    {
        var people = Guests(3);
        var byHand = new Placement(people[2], Top, 2);

        var (placed, _) = SeatingPlanner.Plan(people, [new(Top, 6, true)], [byHand]);

        Assert.DoesNotContain(placed, p => p.Person == people[2]);
        Assert.Equal(6, placed.Single(p => p.Person == people[0]).Seat);
        Assert.Equal(3, placed.Single(p => p.Person == people[1]).Seat);
    }

    [Fact]
    public void When_seats_run_out_the_least_senior_are_left_without_one()
    {
        var people = Guests(6);

        var (placed, unseated) = SeatingPlanner.Plan(people, [new(Top, 5, true)], []);

        Assert.Equal(4, placed.Count);
        Assert.Equal(people[4..], unseated);
    }

    [Theory]
    [InlineData(1, 2, 10, true)]
    [InlineData(1, 10, 10, true)]
    [InlineData(2, 10, 10, false)]
    [InlineData(4, 6, 10, false)]
    public void Seats_touch_around_a_round_table(int a, int b, int seats, bool adjacent) =>
        Assert.Equal(adjacent, SeatingPlanner.Adjacent(a, b, seats));
}

public sealed class SeatSidesTests
{
    [Fact]
    public void Seats_are_named_from_the_nearer_host_and_at_a_table_with_a_co_host_the_co_hosts_sides_are_named_as_such()
    {
        var plain = new Chancery.Domain.Seating.SeatingTable { Seats = 10 };
        var hosted = new Chancery.Domain.Seating.SeatingTable { Seats = 10, HostName = "H.E. the Ambassador", CoHostName = "Mrs. Host" };

        Assert.Equal(["head", "right 1", "right 2", "right 3", "right 4", "right 5", "left 4", "left 3", "left 2", "left 1"],
            Enumerable.Range(1, 10).Select(seat => Chancery.Domain.Seating.SeatView.GuestSide(plain, seat)));
        // Co-host in seat 6: seat 7 is the co-host's right (where the second guest of honour sits), seat 5 their left.
        Assert.Equal(6, hosted.CoHostSeat);
        Assert.Equal(["right 1", "right 2", "co-host's left 2", "co-host's left 1"], Enumerable.Range(2, 4).Select(seat => Chancery.Domain.Seating.SeatView.GuestSide(hosted, seat)));
        Assert.Equal(["co-host's right 1", "co-host's right 2", "left 2", "left 1"], Enumerable.Range(7, 4).Select(seat => Chancery.Domain.Seating.SeatView.GuestSide(hosted, seat)));
    }
}
