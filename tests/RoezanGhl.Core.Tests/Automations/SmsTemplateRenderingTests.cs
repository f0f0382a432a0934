using RoezanGhl.Core.Automations;
using RoezanGhl.Core.Automations.Templates;

namespace RoezanGhl.Core.Tests.Automations;

public sealed class SmsTemplateRenderingTests
{
    [Fact]
    public void Contact_placeholders_are_filled_in()
    {
        var result = TemplateRig.Render("Hi {{ contact.firstName }} {{contact.lastName}}, we have {{ contact.phone }} on file.");

        Assert.True(result.Succeeded);
        Assert.Equal("Hi Ana Diaz, we have +12015550123 on file.", result.Text);
        Assert.Empty(result.MissingPlaceholders);
    }

    [Fact]
    public void Custom_fields_are_read_by_name_whatever_the_case()
    {
        var result = TemplateRig.Render("{{ contact.customFields.plan }}/{{ contact.customFields.Loyalty_Tier }}/{{ contact.customFields['plan'] }}");

        Assert.Equal("gold/2/gold", result.Text);
    }

    [Fact]
    public void Ghl_style_snake_case_names_find_the_same_placeholders() =>
        Assert.Equal("Ana Diaz", TemplateRig.Render("{{ contact.first_name }} {{ contact.last_name }}").Text);

    [Fact]
    public void The_full_name_is_first_and_last_name_when_ghl_sent_none() =>
        Assert.Equal("Ana Diaz", TemplateRig.Render("{{ contact.name }}").Text);

    [Fact]
    public void A_missing_value_with_a_fallback_renders_the_fallback_and_is_not_reported()
    {
        var model = new SmsTemplateModel { Contact = TemplateRig.Ana with { FirstName = null } };

        var result = TemplateRig.Render("Hi {{ contact.firstName | default: \"there\" }}!", model);

        Assert.Equal("Hi there!", result.Text);
        Assert.Empty(result.MissingPlaceholders);
    }

    [Fact]
    public void A_blank_value_counts_as_missing_so_the_fallback_applies()
    {
        var model = new SmsTemplateModel { Contact = TemplateRig.Ana with { FirstName = "   " } };

        Assert.Equal("Hi there!", TemplateRig.Render("Hi {{ contact.firstName | default: 'there' }}!", model).Text);
    }

    [Fact]
    public void A_missing_value_without_a_fallback_renders_empty_and_is_reported_by_name()
    {
        var model = new SmsTemplateModel { Contact = TemplateRig.Ana with { FirstName = null } };

        var result = TemplateRig.Render("Hi {{ contact.firstName }}, plan {{ contact.customFields.tier }}.", model);

        Assert.True(result.Succeeded);
        Assert.Equal("Hi , plan .", result.Text);
        Assert.Equal(["contact.firstName", "contact.customFields.tier"], result.MissingPlaceholders);
    }

    [Fact]
    public void An_unknown_root_or_member_renders_empty_and_is_reported()
    {
        var result = TemplateRig.Render("{{ business.name }}{{ contact.fristName }}{{ appointment.startTime }}");

        Assert.Equal("", result.Text);
        Assert.Equal(["business", "contact.fristName", "appointment"], result.MissingPlaceholders);
    }

    [Fact]
    public void A_missing_value_tested_in_an_if_is_not_reported()
    {
        var model = new SmsTemplateModel { Contact = TemplateRig.Ana with { FirstName = null } };

        var result = TemplateRig.Render("Hi{% if contact.firstName %} {{ contact.firstName }}{% endif %}!", model);

        Assert.Equal("Hi!", result.Text);
        Assert.Empty(result.MissingPlaceholders);
    }

    [Fact]
    public void Tags_and_the_trigger_are_readable()
    {
        var model = new SmsTemplateModel { Contact = TemplateRig.Ana, Tag = "spring-sale", Keyword = "HOURS" };

        var result = TemplateRig.Render("{{ trigger.tag }} {{ trigger.keyword }} {{ contact.tags | join: ',' }} {% if contact.tags contains 'vip' %}VIP{% endif %}", model);

        Assert.Equal("spring-sale HOURS vip,lead VIP", result.Text);
    }

    [Fact]
    public void No_dotnet_member_of_the_model_is_reachable()
    {
        var result = TemplateRig.Render("[{{ contact.Id }}{{ contact.CustomFields.Count }}{{ contact.GetType }}{{ contact.customFields.Keys }}{{ contact }}]");

        Assert.Equal("[]", result.Text);
    }

    [Fact]
    public void Include_is_refused_with_a_reason_not_an_exception()
    {
        var result = TemplateRig.Render("Hi {% include 'secrets' %}");

        Assert.False(result.Succeeded);
        Assert.Equal(string.Empty, result.Text);
        Assert.Contains("could not be rendered", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_runaway_loop_stops_at_the_step_limit_with_a_reason()
    {
        var result = TemplateRig.Render("{% for i in (1..1000000) %}{{ i }}{% endfor %}");

        Assert.False(result.Succeeded);
        Assert.Contains("maximum", result.Failure, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Text);
    }

    [Theory]
    [InlineData("{% assign s = 'ab' %}{% for i in (1..30) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}")]
    [InlineData("{% assign s = 'ab' %}{% for i in (1..30) %}{% capture s %}{{ s }}{{ s }}{% endcapture %}{% endfor %}{{ s | size }}")]
    [InlineData("{% assign s = 'ab' %}{% for i in (1..20) %}{% assign s = s | replace: 'a', 'aaaa' %}{% endfor %}{{ s | size }}")]
    public void A_value_grown_in_a_loop_stops_at_the_size_limit_rather_than_exhaust_memory(string source)
    {
        var result = TemplateRig.Render(source);

        Assert.False(result.Succeeded);
        Assert.Contains("output size", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_past_the_limit_is_refused()
    {
        var result = TemplateRig.Render("{% for i in (1..90) %}{{ contact.email }}-{{ contact.email }}{% endfor %}");

        Assert.False(result.Succeeded);
        Assert.Contains("output", result.Failure, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Liquid_tags_leave_no_white_space_at_the_ends() =>
        Assert.Equal("Hi Ana", TemplateRig.Render("{% assign n = contact.firstName %}\n  Hi {{ n }}\n").Text);

    [Theory]
    [InlineData("Hi {{ contact.firstName", "is not a valid Liquid template")]
    [InlineData("{% if contact.firstName %}no end", "is not a valid Liquid template")]
    [InlineData("", "is empty")]
    [InlineData("   ", "is empty")]
    public void A_broken_template_is_refused_with_a_reason(string source, string reason)
    {
        Assert.False(SmsTemplate.TryParse(source, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_longer_than_the_limit_is_refused()
    {
        Assert.False(SmsTemplate.TryParse(new string('a', SmsTemplate.MaxSourceLength + 1), out _, out var error));
        Assert.Contains("longer than", error, StringComparison.Ordinal);
    }
}
