namespace RoezanGhl.TestSupport;

/// <summary>Fills <c>$0</c>, <c>$1</c>… in a JSON template (interpolated raw strings trip over JSON's closing braces).</summary>
public static class JsonTemplate
{
    public static string Fill(string template, params object[] values)
    {
        for (var i = values.Length - 1; i >= 0; i--)
        {
            template = template.Replace("$" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), Convert.ToString(values[i], System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return template;
    }
}
