using RoezanGhl.Core.Sms;

namespace RoezanGhl.Core.Tests.Sms;

/// <summary>The room left before a text needs another segment, as the console's template editor shows it.</summary>
public sealed class SmsRoomLeftTests
{
    [Theory]
    [InlineData(0, 160)]
    [InlineData(100, 60)]
    [InlineData(160, 0)]
    [InlineData(161, 145)]
    [InlineData(306, 0)]
    [InlineData(307, 152)]
    public void Gsm_7_text_has_room_up_to_160_alone_then_153_a_part(int length, int left) =>
        Assert.Equal(left, SmsSegmentCounter.RoomLeft(SmsSegmentCounter.Count(new string('a', length))));

    [Theory]
    [InlineData(1, 69)]
    [InlineData(70, 0)]
    [InlineData(71, 63)]
    public void Ucs_2_text_has_room_up_to_70_alone_then_67_a_part(int length, int left) =>
        Assert.Equal(left, SmsSegmentCounter.RoomLeft(SmsSegmentCounter.Count("’" + new string('a', length - 1))));

    [Fact]
    public void An_extension_character_takes_two_septets_of_the_room() =>
        Assert.Equal(157, SmsSegmentCounter.RoomLeft(SmsSegmentCounter.Count("a€")));
}
