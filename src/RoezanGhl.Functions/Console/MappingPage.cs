using System.Text;
using System.Text.Json;
using RoezanGhl.Core.Mapping;
using static RoezanGhl.Functions.Console.ConsoleHtml;

namespace RoezanGhl.Functions.Console;

/// <summary>
/// The Field mapping screen: presets and flows, tag handling, the fields connected by drag and drop or by keyboard
/// (two lists and a Connect button), the preview of a sample event and the save with its versions. The page holds
/// the editor's model as a JSON data block (not executed; the CSP allows no inline script) that console-mapping.js
/// reads. The field connections go Roezan → GHL; the fields two-way sync carries back (names, email, tags) each have a
/// direction select (<c>mapping.directions</c>). SMS templates will be their own section beside the presets (they are kept as they are
/// in the configuration's <c>mapping.automations</c> meanwhile).
/// </summary>
public static class MappingPage
{
    private static readonly (string Value, string Label)[] DirectionLabels =
    [
        (FieldDirections.Both, "Both ways"),
        (FieldDirections.RoezanToGhl, "Roezan to GHL only"),
        (FieldDirections.GhlToRoezan, "GHL to Roezan only"),
    ];

    public static string Render(IReadOnlyList<string> accountIds, MappingModel model)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        ArgumentNullException.ThrowIfNull(model);
        var html = new StringBuilder();
        html.Append("<form method=\"get\" action=\"mapping\" class=\"picker\"><label for=\"account\">Account</label> <select id=\"account\" name=\"account\">");
        foreach (var id in accountIds)
        {
            html.Append("<option").Append(string.Equals(id, model.AccountId, StringComparison.OrdinalIgnoreCase) ? " selected" : string.Empty).Append('>').Append(H(id)).Append("</option>");
        }

        html.Append("</select> <button type=\"submit\">Open</button></form>")
            .Append("<p id=\"source\">In force: ").Append(H(model.Source)).Append("</p>")
            .Append("<script type=\"application/json\" id=\"model\">").Append(JsonSerializer.Serialize(model, ConsoleJson.Options)).Append("</script>")
            .Append("<div id=\"editor\">");
        Presets(html);
        Tags(html);
        Directions(html);
        Fields(html);
        html.Append("</div>");
        Preview(html);
        Save(html);
        return html.ToString();
    }

    private static void Presets(StringBuilder html)
    {
        html.Append("<section aria-labelledby=\"presets-title\"><h2 id=\"presets-title\">Presets</h2><label for=\"preset\">Preset</label> <select id=\"preset\" aria-describedby=\"problem-Preset\">");
        foreach (var preset in FlowPresets.Names)
        {
            html.Append("<option>").Append(H(preset)).Append("</option>");
        }

        html.Append("</select><p class=\"problem\" id=\"problem-Preset\"></p><fieldset><legend>Flows (on or off over the preset)</legend><div id=\"flows\"></div></fieldset></section>");
    }

    private static void Tags(StringBuilder html) =>
        html.Append("<section aria-labelledby=\"tags-title\"><h2 id=\"tags-title\">Tags and source</h2><div class=\"grid\">")
            .Append("<label for=\"tagMode\">Tag mode</label><select id=\"tagMode\" aria-describedby=\"problem-Mapping-tagMode\"><option>Additive</option><option>Mirror</option></select><p class=\"problem\" id=\"problem-Mapping-tagMode\"></p>")
            .Append("<label for=\"tagPrefix\">Tag prefix</label><input id=\"tagPrefix\" aria-describedby=\"problem-Mapping-tagPrefix\"><p class=\"problem\" id=\"problem-Mapping-tagPrefix\"></p>")
            .Append("<label for=\"sourceText\">Source for new contacts</label><input id=\"sourceText\" aria-describedby=\"problem-Mapping-source\"><p class=\"problem\" id=\"problem-Mapping-source\"></p>")
            .Append("<label for=\"noteOnUpdate\">Note on contact update</label><input type=\"checkbox\" id=\"noteOnUpdate\"><span></span>")
            .Append("</div></section>");

    // Two-way sync carries these fields back from GHL (docs/two-way.md); each gets its direction. Native selects: keyboard-operable as they are.
    private static void Directions(StringBuilder html)
    {
        html.Append("<section aria-labelledby=\"directions-title\"><h2 id=\"directions-title\">Directions (two-way)</h2>")
            .Append("<p class=\"hint\" id=\"directions-hint\">Which way each field flows between Roezan and GHL. Both: changes go either way. Roezan to GHL: changes made in GHL are not written to Roezan. GHL to Roezan: Roezan's values are not written to GHL. Every other field goes Roezan to GHL only.</p><div class=\"grid\">");
        foreach (var field in FieldDirections.Fields)
        {
            var problem = "problem-Mapping-directions-" + field;
            html.Append("<label for=\"direction-").Append(field).Append("\">").Append(H(field)).Append("</label><select id=\"direction-").Append(field)
                .Append("\" data-direction-field=\"").Append(field).Append("\" aria-describedby=\"directions-hint ").Append(problem).Append("\">");
            foreach (var (value, label) in DirectionLabels)
            {
                html.Append("<option value=\"").Append(value).Append("\">").Append(H(label)).Append("</option>");
            }

            html.Append("</select><p class=\"problem\" id=\"").Append(problem).Append("\"></p>");
        }

        html.Append("</div></section>");
    }

    private static void Fields(StringBuilder html) =>
        html.Append("<section aria-labelledby=\"fields-title\"><h2 id=\"fields-title\">Fields</h2>")
            .Append("<p class=\"hint\" id=\"fields-hint\">Drag a Roezan field onto a GHL field to connect them, or choose both below and press Connect.</p>")
            .Append("<div class=\"columns\"><div><h3 id=\"roezan-title\">Roezan fields</h3><ul id=\"roezan-fields\" class=\"fieldlist\" aria-labelledby=\"roezan-title\"></ul>")
            .Append("<label for=\"new-custom\">Add a Roezan custom field</label> <input id=\"new-custom\"> <button type=\"button\" id=\"add-custom\">Add</button></div>")
            .Append("<div><h3 id=\"ghl-title\">GHL fields</h3><ul id=\"ghl-fields\" class=\"fieldlist\" aria-labelledby=\"ghl-title\"></ul><p id=\"custom-source\" class=\"hint\"></p></div></div>")
            .Append("<div class=\"connect\" role=\"group\" aria-labelledby=\"connect-title\"><h3 id=\"connect-title\">Connect by keyboard</h3>")
            .Append("<label for=\"pick-roezan\">Roezan field</label> <select id=\"pick-roezan\"></select> ")
            .Append("<label for=\"pick-ghl\">GHL field</label> <select id=\"pick-ghl\"></select> ")
            .Append("<label for=\"pick-key\">or a GHL custom field key</label> <input id=\"pick-key\" placeholder=\"contact.plan\"> <button type=\"button\" id=\"connect\">Connect</button></div>")
            .Append("<table><caption>Connections</caption><thead><tr><th scope=\"col\">Roezan field</th><th scope=\"col\">GHL field</th><th scope=\"col\">Problem</th><th scope=\"col\"><span class=\"visually-hidden\">Action</span></th></tr></thead><tbody id=\"connections\"></tbody></table>")
            .Append("<p class=\"problem\" id=\"problem-Mapping\" aria-live=\"polite\"></p><p id=\"announce\" class=\"visually-hidden\" aria-live=\"polite\"></p></section>");

    private static void Preview(StringBuilder html) =>
        html.Append("<section aria-labelledby=\"preview-title\"><h2 id=\"preview-title\">Preview</h2>")
            .Append("<label for=\"sample\">Sample event (webhook JSON)</label><textarea id=\"sample\" rows=\"8\" spellcheck=\"false\"></textarea>")
            .Append("<p><button type=\"button\" id=\"preview\">Preview</button> <label><input type=\"checkbox\" id=\"reveal\"> Show personal data in this preview</label></p>")
            .Append("<pre id=\"plan\" aria-live=\"polite\" tabindex=\"0\" aria-label=\"Planned GHL calls\"></pre></section>");

    private static void Save(StringBuilder html) =>
        html.Append("<section aria-labelledby=\"save-title\"><h2 id=\"save-title\">Save</h2><p><button type=\"button\" id=\"save\">Save as a new version</button></p>")
            .Append("<p id=\"save-result\" role=\"status\"></p><p class=\"problem\" id=\"problem-general\" aria-live=\"polite\"></p>")
            .Append("<h3>Versions</h3><ul id=\"versions\"></ul></section>");
}
