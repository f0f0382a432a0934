using RoezanGhl.Core.Automations.Planning;

namespace RoezanGhl.Core.Tests.Automations;

public sealed class KeywordMatcherTests
{
    [Theory]
    [InlineData("INFO", "INFO")]
    [InlineData("info please", "INFO")]
    [InlineData("Can I get some Info?", "INFO")]
    [InlineData("hours:info!", "INFO")]
    [InlineData("what are your opening   hours", "OPENING HOURS")]
    [InlineData("Opening\nhours?", "OPENING HOURS")]
    public void A_keyword_matches_as_a_whole_word_whatever_the_case(string text, string expected) =>
        Assert.Equal(expected, KeywordMatcher.FirstMatch(text, ["INFO", "OPENING HOURS"]));

    [Theory]
    [InlineData("information")]
    [InlineData("reinfo")]
    [InlineData("opening soon, hours later")]
    [InlineData("")]
    [InlineData(null)]
    public void Parts_of_words_and_other_texts_do_not_match(string? text) =>
        Assert.Null(KeywordMatcher.FirstMatch(text, ["INFO", "OPENING HOURS"]));

    [Fact]
    public void The_first_keyword_in_list_order_wins() =>
        Assert.Equal("PRICE", KeywordMatcher.FirstMatch("info on price", ["PRICE", "INFO"]));

    [Fact]
    public void Accented_words_match_case_insensitively() =>
        Assert.Equal("horário", KeywordMatcher.FirstMatch("Qual o HORÁRIO?", ["horário"]));

    [Theory]
    [InlineData("STOP", true)]
    [InlineData(" stop. ", true)]
    [InlineData("Unsubscribe!", true)]
    [InlineData("stopall", true)]
    [InlineData("Stop All", true)]
    [InlineData("\tCANCEL\n", true)]
    [InlineData("end", true)]
    [InlineData("Quit!!!", true)]
    [InlineData("¡STOP!", true)]
    [InlineData("\"stop\"", true)]
    [InlineData("STOP 🛑", true)]
    [InlineData("ＳＴＯＰ", true)]
    [InlineData("opt out", true)]
    [InlineData("OPT-OUT", true)]
    [InlineData("revoke.", true)]
    [InlineData("please stop texting me", false)]
    [InlineData("stop, please", false)]
    [InlineData("STOP. Actually no", false)]
    [InlineData("the end", false)]
    [InlineData("S.T.O.P", false)]
    [InlineData("stop2", false)]
    [InlineData("START", false)]
    [InlineData("UNSTOP", false)]
    [InlineData("stopped", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_a_reply_that_is_an_opt_out_word_is_an_opt_out(string? text, bool optOut) =>
        Assert.Equal(optOut, OptOutKeywords.IsOptOutReply(text));
}
