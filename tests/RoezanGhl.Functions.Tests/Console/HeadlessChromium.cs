using System.Diagnostics;
using System.Globalization;
using Deque.AxeCore.Commons;
using Newtonsoft.Json.Linq;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace RoezanGhl.Functions.Tests.Console;

/// <summary>
/// Debian's Chromium in headless mode through its chromedriver (both paths given, so Selenium Manager downloads
/// nothing), with a fresh profile and the flags that keep it off the network. Saves screenshots into
/// <see cref="ScreenshotFolder"/>, runs axe-core (Deque.AxeCore.Commons' bundled script, injected) and reads page
/// weight from the browser's performance entries.
/// </summary>
internal sealed class HeadlessChromium : IDisposable
{
    private readonly string _profile = Directory.CreateTempSubdirectory("roezanghl-chromium-").FullName;
    private readonly ChromeDriverService _service;

    public HeadlessChromium(string screenshotFolder)
    {
        if (!File.Exists("/usr/bin/chromium") || !File.Exists("/usr/bin/chromedriver"))
        {
            throw new InvalidOperationException("Chromium is not installed: apt-get install -y chromium chromium-driver (scripts/test.sh does it when missing).");
        }

        ScreenshotFolder = Directory.CreateDirectory(screenshotFolder).FullName;
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--window-size=1400,1000", $"--user-data-dir={_profile}");
        options.SetLoggingPreference(LogType.Browser, OpenQA.Selenium.LogLevel.All);
        _service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        _service.HideCommandPromptWindow = true;
        _service.SuppressInitialDiagnosticInformation = true;
        Driver = new ChromeDriver(_service, options, TimeSpan.FromSeconds(60));
    }

    public ChromeDriver Driver { get; }

    public string ScreenshotFolder { get; }

    public IJavaScriptExecutor Script => Driver;

    public IWebElement WaitFor(By by, Func<IWebElement, bool>? condition = null, int seconds = 20)
    {
        try
        {
            return new WebDriverWait(Driver, TimeSpan.FromSeconds(seconds)).Until(driver =>
                driver.FindElements(by).FirstOrDefault(element => element.Displayed && (condition?.Invoke(element) ?? true)))!;
        }
        catch (WebDriverTimeoutException exception)
        {
            throw new Xunit.Sdk.XunitException($"Timed out waiting for {by} on {Driver.Url}. Page:\n{Driver.FindElement(By.TagName("body")).Text}\nBrowser console:\n{BrowserLog()}", exception);
        }
    }

    public string BrowserLog() => string.Join('\n', Driver.Manage().Logs.GetLog(LogType.Browser).Select(entry => entry.Message));

    public void WaitUntil(Func<bool> condition, string what, int seconds = 20)
    {
        try
        {
            new WebDriverWait(Driver, TimeSpan.FromSeconds(seconds)).Until(_ => condition());
        }
        catch (WebDriverTimeoutException exception)
        {
            throw new Xunit.Sdk.XunitException($"Timed out waiting for {what}. Page text:\n{Driver.FindElement(By.TagName("main")).Text}\nBrowser console:\n{BrowserLog()}", exception);
        }
    }

    public string Screenshot(string name)
    {
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        Driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    /// <summary>axe-core's serious and critical violations on the page as it is now, one line each.</summary>
    public IReadOnlyList<string> SeriousAccessibilityViolations()
    {
        Script.ExecuteScript(new BundledAxeScriptProvider().GetScript());
        var json = (string?)((IJavaScriptExecutor)Driver).ExecuteAsyncScript(
            "const done = arguments[arguments.length - 1]; axe.run(document, { resultTypes: ['violations'] }).then(r => done(JSON.stringify(r)), e => done(JSON.stringify({ error: String(e) })));");
        var result = new AxeResult(JObject.Parse(json ?? throw new InvalidOperationException("axe-core returned nothing")));
        return [.. result.Violations
            .Where(violation => violation.Impact is "serious" or "critical")
            .Select(violation => $"{violation.Id} ({violation.Impact}): {violation.Help} at {string.Join(", ", violation.Nodes.Select(node => node.Target?.ToString()))}")];
    }

    /// <summary>The page's bytes over the wire (document and every resource) and their encoded size (what a cold cache would fetch).</summary>
    public (long Transferred, long Encoded) PageWeight()
    {
        var numbers = (IReadOnlyCollection<object>?)Script.ExecuteScript(
            "const all = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'));" +
            "return [all.reduce((n, e) => n + (e.transferSize || 0), 0), all.reduce((n, e) => n + (e.encodedBodySize || 0), 0)];");
        var values = (numbers ?? throw new InvalidOperationException("no performance entries")).Select(value => Convert.ToInt64(value, CultureInfo.InvariantCulture)).ToArray();
        return (values[0], values[1]);
    }

    /// <summary>
    /// Screenshot <paramref name="name"/>, axe-core (no serious or critical violation) and page weight of the screen as
    /// it is now, its figure added to <paramref name="figures"/>; <paramref name="clock"/> (a new user's time) is paused meanwhile.
    /// </summary>
    public void Examine(string name, Stopwatch clock, ICollection<string> figures)
    {
        var running = clock.IsRunning;
        clock.Stop();
        Screenshot(name);
        var violations = SeriousAccessibilityViolations();
        Xunit.Assert.True(violations.Count == 0, $"{name}: axe-core found serious or critical violations:\n{string.Join('\n', violations)}");
        var (transferred, encoded) = PageWeight();
        figures.Add($"{name}: {transferred} bytes transferred, {encoded} bytes of content (performance entries)");
        if (running)
        {
            clock.Start();
        }
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        _service.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still hold a lock file for a moment; the temp folder is cleaned by the system.
        }
    }
}
