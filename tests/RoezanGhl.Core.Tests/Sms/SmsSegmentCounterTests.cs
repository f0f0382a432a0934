using RoezanGhl.Core.Sms;

namespace RoezanGhl.Core.Tests.Sms;

public sealed class SmsSegmentCounterTests
{
    private const string Emoji = "\U0001F600"; // 😀: a surrogate pair, 2 UCS-2 units

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    [InlineData(459, 3)]
    [InlineData(460, 4)]
    public void Plain_gsm_text_fits_160_alone_and_153_a_part(int length, int segments)
    {
        var count = SmsSegmentCounter.Count(new string('a', length));

        Assert.Equal(new SmsSegmentCount(SmsEncoding.Gsm7, length, segments), count);
    }

    [Fact]
    public void The_whole_basic_alphabet_is_gsm_7_one_septet_each()
    {
        const string basic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

        var count = SmsSegmentCounter.Count(basic);

        Assert.Equal(SmsEncoding.Gsm7, count.Encoding);
        Assert.Equal(127, count.Units);
    }

    [Theory]
    [InlineData("€")]
    [InlineData("[")]
    [InlineData("]")]
    [InlineData("{")]
    [InlineData("}")]
    [InlineData("\\")]
    [InlineData("^")]
    [InlineData("~")]
    [InlineData("|")]
    [InlineData("\f")]
    public void Extension_characters_are_gsm_7_and_take_two_septets(string c) =>
        Assert.Equal(new SmsSegmentCount(SmsEncoding.Gsm7, 2, 1), SmsSegmentCounter.Count(c));

    [Fact]
    public void An_extension_character_that_would_make_161_septets_takes_a_second_segment()
    {
        Assert.Equal(new SmsSegmentCount(SmsEncoding.Gsm7, 160, 1), SmsSegmentCounter.Count(new string('a', 158) + "€"));
        Assert.Equal(new SmsSegmentCount(SmsEncoding.Gsm7, 161, 2), SmsSegmentCounter.Count(new string('a', 159) + "€"));
    }

    [Fact]
    public void An_escape_pair_is_never_split_across_parts()
    {
        // 306 septets fit two parts of 153, unless "€" would straddle the boundary: then it opens part two and one septet spills into a third.
        var straddling = new string('a', 152) + "€" + new string('a', 152);
        var fitting = new string('a', 151) + "€" + new string('a', 153);

        Assert.Equal(new SmsSegmentCount(SmsEncoding.Gsm7, 306, 3), SmsSegmentCounter.Count(straddling));
        Assert.Equal(new SmsSegmentCount(SmsEncoding.Gsm7, 306, 2), SmsSegmentCounter.Count(fitting));
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void Ucs2_text_fits_70_alone_and_67_a_part(int length, int segments)
    {
        var text = "ç" + new string('a', length - 1);

        Assert.Equal(new SmsSegmentCount(SmsEncoding.Ucs2, length, segments), SmsSegmentCounter.Count(text));
    }

    [Fact]
    public void An_emoji_switches_the_whole_text_to_ucs2_and_counts_two_units()
    {
        var count = SmsSegmentCounter.Count("Hi Ana " + Emoji);

        Assert.Equal(new SmsSegmentCount(SmsEncoding.Ucs2, 9, 1), count);
    }

    [Fact]
    public void A_surrogate_pair_is_never_split_across_parts()
    {
        // 134 units fit two parts of 67, unless the emoji would straddle the boundary: then one unit spills into a third.
        var straddling = new string('a', 66) + Emoji + new string('a', 66);
        var fitting = new string('a', 65) + Emoji + new string('a', 67);

        Assert.Equal(new SmsSegmentCount(SmsEncoding.Ucs2, 134, 3), SmsSegmentCounter.Count(straddling));
        Assert.Equal(new SmsSegmentCount(SmsEncoding.Ucs2, 134, 2), SmsSegmentCounter.Count(fitting));
    }

    [Fact]
    public void Seventy_units_with_an_emoji_is_still_one_segment() =>
        Assert.Equal(new SmsSegmentCount(SmsEncoding.Ucs2, 70, 1), SmsSegmentCounter.Count(new string('a', 68) + Emoji));

    [Theory]
    [InlineData("Don’t miss it")]   // curly apostrophe
    [InlineData("See you – soon")]  // en dash
    [InlineData("Wait…")]           // ellipsis
    [InlineData("ç")]               // not in the 3GPP table (Ç is)
    [InlineData("Hi\u00A0Ana")]      // no-break space
    [InlineData("`code`")]          // backtick
    public void Common_look_alikes_are_not_gsm_7(string text) =>
        Assert.Equal(SmsEncoding.Ucs2, SmsSegmentCounter.EncodingOf(text));

    [Fact]
    public void Mixed_text_with_extension_characters_counts_them_twice()
    {
        var count = SmsSegmentCounter.Count("Price: 10€ [promo] {VIP}");

        Assert.Equal(new SmsSegmentCount(SmsEncoding.Gsm7, 24 + 5, 1), count);
    }

    [Fact]
    public void The_summary_names_segments_encoding_and_units() =>
        Assert.Equal("2 segments (Gsm7, 161 septets)", SmsSegmentCounter.Count(new string('a', 161)).ToString());
}
