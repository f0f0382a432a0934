namespace RoezanGhl.Storage.Tests;

public class TableKeysTests
{
    [Theory]
    [InlineData("evt/1#a?b\\c", '%', "evt%2F1%23a%3Fb%5Cc")]
    [InlineData("100%", '%', "100%25")]
    [InlineData("a~b/c", '~', "a~7Eb~2Fc")]
    [InlineData("line\nbreak", '~', "line~0Abreak")]
    [InlineData("plain-id_1.x", '%', "plain-id_1.x")]
    public void Forbidden_characters_and_the_mark_become_the_mark_and_two_hex_digits(string value, char mark, string key)
    {
        Assert.Equal(key, TableKeys.Escape(value, mark));
        Assert.Equal(value, TableKeys.Unescape(key, mark));
    }

    [Theory]
    [InlineData("ve9EPM428h8vShlRW1KT")]
    [InlineData("0f1e2d3c4b5a69788796a5b4c3d2e1f0")]
    [InlineData("loc/with#odd?chars%")]
    public void Token_table_keys_are_the_ones_earlier_releases_wrote_for_ghl_ids_and_nonces(string id)
    {
        // The location status and OAuth state tables were keyed with Uri.EscapeDataString before; for GHL ids
        // (letters and digits), hex nonces and the forbidden characters the two agree, so old rows are found.
        Assert.Equal(Uri.EscapeDataString(id), TableKeys.Escape(id, '%'));
    }
}
