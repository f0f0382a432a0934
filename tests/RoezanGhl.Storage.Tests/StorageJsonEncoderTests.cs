using System.Text.Json;

namespace RoezanGhl.Storage.Tests;

/// <summary>JSON for storage keeps every script as it is and escapes only what JSON's grammar requires.</summary>
public sealed class StorageJsonEncoderTests
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = StorageJsonEncoder.Instance };

    [Theory]
    [InlineData("\U0001F600\U0001F44D")]
    [InlineData("Привет")]
    [InlineData("שלום")]
    [InlineData("漢字かな")]
    [InlineData("e\u0301a\u0308")]
    [InlineData("<script>&'+")]
    public void Text_in_any_script_is_written_as_itself(string text) =>
        Assert.Equal("\"" + text + "\"", JsonSerializer.Serialize(text, Options));

    [Theory]
    [InlineData("say \"hi\"", "\"say \\u0022hi\\u0022\"")]
    [InlineData("C:\\temp", "\"C:\\u005Ctemp\"")]
    [InlineData("a\nb\u0001", "\"a\\u000Ab\\u0001\"")]
    public void Quotes_backslashes_and_control_characters_are_escaped(string text, string json) =>
        Assert.Equal(json, JsonSerializer.Serialize(text, Options));

    [Theory]
    [InlineData("\U0001F600 \"quoted\" \\ \t end")]
    [InlineData("mixed Ж ש 漢 e\u0301 \U0001F600\u2028\u2029")]
    public void What_it_writes_reads_back_the_same(string text) =>
        Assert.Equal(text, JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(text, Options)));

    [Fact]
    public void A_lone_surrogate_is_still_valid_json_afterwards()
    {
        var json = JsonSerializer.Serialize("a\uD800b", Options);

        Assert.Equal(3, JsonSerializer.Deserialize<string>(json)!.Length);
    }
}
