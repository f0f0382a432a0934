using System.Globalization;
using System.Text;
using RoezanGhl.Core.Mapping;
using RoezanGhl.Engine.Console;
using static RoezanGhl.Functions.Console.ConsoleHtml;

namespace RoezanGhl.Functions.Console;

/// <summary>
/// The Presets and SMS templates screen, rendered on the server: the preset and a switch per flow, the sending hours,
/// and each SMS automation (the account's entries, then the ready-made templates it does not list) with its switch
/// and editor (text, delay or offset, most segments, tags or keywords). console-templates.js reads the fields, asks
/// for the live preview of a row as it is typed in, and saves; every problem has a place next to its field
/// (<c>problem-Automations-2-message</c>, the path the app answers with, colons as dashes).
/// </summary>
public static class TemplatesPage
{
    public const string Screen = "templates";
    public const string Title = "Presets and SMS templates";

    public static string Render(IReadOnlyList<string> accountIds, AutomationSettingsView view, int? savedVersion)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        ArgumentNullException.ThrowIfNull(view);
        var html = new StringBuilder();
        html.Append("<form method=\"get\" action=\"templates\" class=\"picker\"><label for=\"account\">Account</label> <select id=\"account\" name=\"account\">");
        foreach (var id in accountIds)
        {
            html.Append("<option").Append(string.Equals(id, view.AccountId, StringComparison.OrdinalIgnoreCase) ? " selected" : string.Empty).Append('>').Append(H(id)).Append("</option>");
        }

        html.Append("</select> <button type=\"submit\">Open</button></form>")
            .Append("<p id=\"source\">In force: ").Append(H(view.Source)).Append("</p>")
            .Append("<div id=\"templates\" data-account=\"").Append(H(view.AccountId)).Append("\" data-etag=\"").Append(H(view.ETag)).Append("\">");
        Presets(html, view);
        Hours(html, view);
        html.Append("<section aria-labelledby=\"automations-title\"><h2 id=\"automations-title\">SMS automations</h2>")
            .Append("<p class=\"hint\" id=\"sample-hint\">Each switch turns a text on or off. The preview renders the text as you type. ")
            .Append(H(AutomationTemplates.SampleDescription)).Append("</p>");
        for (var row = 0; row < view.Automations.Count; row++)
        {
            Automation(html, row, view.Automations[row]);
        }

        html.Append("</section></div>");
        var saved = savedVersion is { } version ? $"Saved: version {version.ToString(CultureInfo.InvariantCulture)}, in force for the next event." : string.Empty;
        html.Append("<section aria-labelledby=\"save-title\"><h2 id=\"save-title\">Save</h2><p><button type=\"button\" id=\"save\">Save as a new version</button></p>")
            .Append("<p id=\"save-result\" role=\"status\">").Append(H(saved)).Append("</p><p class=\"problem\" id=\"problem-general\" aria-live=\"polite\"></p></section>");
        return html.ToString();
    }

    private static void Presets(StringBuilder html, AutomationSettingsView view)
    {
        html.Append("<section aria-labelledby=\"presets-title\"><h2 id=\"presets-title\">Preset and flows</h2><label for=\"preset\">Preset</label> <select id=\"preset\" aria-describedby=\"problem-Preset\">");
        foreach (var preset in FlowPresets.Names)
        {
            html.Append("<option").Append(string.Equals(preset, view.Preset, StringComparison.OrdinalIgnoreCase) ? " selected" : string.Empty).Append('>').Append(H(preset)).Append("</option>");
        }

        html.Append("</select><p class=\"problem\" id=\"problem-Preset\"></p><fieldset><legend>Flows (Roezan to GHL); a switch that differs from the preset is saved as an override</legend>");
        foreach (var flow in view.Flows)
        {
            var id = "flow-" + H(flow.Flow);
            html.Append("<p class=\"switch\"><input type=\"checkbox\" role=\"switch\" id=\"").Append(id).Append("\" data-flow=\"").Append(H(flow.Flow)).Append('"')
                .Append(flow.On ? " checked" : string.Empty).Append(" aria-describedby=\"problem-Flows-").Append(H(flow.Flow)).Append("\"> <label for=\"").Append(id).Append("\">")
                .Append(H(flow.Flow)).Append(flow.Overridden ? " (overrides the preset)" : string.Empty).Append("</label> <span class=\"problem\" id=\"problem-Flows-").Append(H(flow.Flow)).Append("\"></span></p>");
        }

        html.Append("</fieldset></section>");
    }

    private static void Hours(StringBuilder html, AutomationSettingsView view) =>
        html.Append("<section aria-labelledby=\"hours-title\"><h2 id=\"hours-title\">Sending hours</h2>")
            .Append("<p class=\"hint\" id=\"hours-hint\">Local time of the account. A text due outside waits for the next allowed minute.</p><div class=\"fields\">")
            .Append("<label for=\"hours-start\">From</label><input id=\"hours-start\" value=\"").Append(H(view.SendingHoursStart)).Append("\" aria-describedby=\"hours-hint problem-Mapping-sendingHours-start\"><p class=\"problem\" id=\"problem-Mapping-sendingHours-start\"></p>")
            .Append("<label for=\"hours-end\">Until</label><input id=\"hours-end\" value=\"").Append(H(view.SendingHoursEnd)).Append("\" aria-describedby=\"hours-hint problem-Mapping-sendingHours-end\"><p class=\"problem\" id=\"problem-Mapping-sendingHours-end\"></p>")
            .Append("</div><p class=\"problem\" id=\"problem-Mapping-sendingHours\"></p></section>");

    private static void Automation(StringBuilder html, int row, AutomationRowView automation)
    {
        var p = $"auto-{row.ToString(CultureInfo.InvariantCulture)}";
        var problem = $"problem-Automations-{row.ToString(CultureInfo.InvariantCulture)}";
        var name = H(automation.Name);
        html.Append("<article class=\"automation\" aria-labelledby=\"").Append(p).Append("-title\" data-row=\"").Append(row.ToString(CultureInfo.InvariantCulture))
            .Append("\" data-entry=\"").Append(automation.Entry?.ToString(CultureInfo.InvariantCulture) ?? string.Empty).Append("\" data-template=\"").Append(H(automation.Template)).Append("\">")
            .Append("<h3 id=\"").Append(p).Append("-title\">").Append(name).Append("</h3><p class=\"hint\">Trigger: ").Append(H(automation.Trigger))
            .Append(automation.Template is null ? string.Empty : $" · ready-made template {H(automation.Template)}").Append(automation.Entry is null ? " · not listed for this account yet" : string.Empty).Append("</p>")
            .Append("<p class=\"switch\"><input type=\"checkbox\" role=\"switch\" id=\"").Append(p).Append("-enabled\"").Append(automation.Enabled ? " checked" : string.Empty)
            .Append(" aria-describedby=\"").Append(problem).Append("\"> <label for=\"").Append(p).Append("-enabled\">Send ").Append(name).Append("</label></p><div class=\"fields\">");
        Field(html, p + "-message", "Text of " + automation.Name, $"{problem}-message",
            $"<textarea id=\"{p}-message\" rows=\"3\" spellcheck=\"true\" aria-describedby=\"{p}-placeholders {problem}-message\">{H(automation.Message)}</textarea>");
        Field(html, p + "-after", "Delay after the trigger (2h, 1d)", $"{problem}-timing-after", Input(p + "-after", automation.After, $"{problem}-timing-after {problem}-timing"));
        if (automation.CarriesAppointment)
        {
            Field(html, p + "-before", "Before the appointment (24h)", $"{problem}-timing-before", Input(p + "-before", automation.Before, $"{problem}-timing-before {problem}-timing"));
        }

        Field(html, p + "-max", "Most segments (1 to 10)", $"{problem}-maxSegments",
            $"<input type=\"number\" min=\"1\" max=\"10\" id=\"{p}-max\" value=\"{automation.MaxSegments.ToString(CultureInfo.InvariantCulture)}\" aria-describedby=\"{problem}-maxSegments\">");
        if (automation.Tags is { } tags)
        {
            Field(html, p + "-tags", "Tags that start it (comma-separated)", $"{problem}-trigger-tags", Input(p + "-tags", string.Join(", ", tags), $"{problem}-trigger-tags"));
        }

        if (automation.Keywords is { } keywords)
        {
            Field(html, p + "-keywords", "Keywords that start it (comma-separated)", $"{problem}-trigger-keywords", Input(p + "-keywords", string.Join(", ", keywords), $"{problem}-trigger-keywords"));
        }

        html.Append("</div><p class=\"hint\" id=\"").Append(p).Append("-placeholders\">Placeholders: ").Append(H(string.Join(", ", automation.Placeholders)))
            .Append("; a fallback: <code>{{ contact.firstName | default: \"there\" }}</code>.</p><p class=\"problem\" id=\"").Append(problem).Append("-timing\"></p><p class=\"problem\" id=\"").Append(problem).Append("\"></p>")
            .Append("<div class=\"sms-preview\" id=\"").Append(p).Append("-preview\" role=\"status\" aria-label=\"Preview of ").Append(name).Append("\"></div></article>");
    }

    private static string Input(string id, string? value, string describedBy) =>
        $"<input id=\"{id}\" value=\"{H(value)}\" aria-describedby=\"{describedBy}\">";

    private static void Field(StringBuilder html, string id, string label, string problemId, string control)
    {
        html.Append("<label for=\"").Append(id).Append("\">").Append(H(label)).Append("</label>").Append(control).Append("<p class=\"problem\" id=\"").Append(problemId).Append("\"></p>");
    }
}
