using Microsoft.Playwright;

namespace Chancery.BrowserTests;

public static class Layout
{
    /// <summary>Fails when the page scrolls sideways, naming the elements that stick out (scroll containers excepted).</summary>
    public static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var offenders = await page.EvaluateAsync<string[]>("""
            () => {
              const width = document.documentElement.clientWidth;
              if (document.documentElement.scrollWidth <= width + 1) return [];
              const inScroller = e => { for (let p = e.parentElement; p; p = p.parentElement) { if (getComputedStyle(p).overflowX === 'auto') return true; } return false; };
              return [...document.body.querySelectorAll('*')]
                .filter(e => e.getBoundingClientRect().right > width + 1 && !inScroller(e))
                .slice(0, 10)
                .map(e => `${e.tagName.toLowerCase()}.${e.className} (right edge ${Math.round(e.getBoundingClientRect().right)} > ${width})`);
            }
            """);
        Assert.True(offenders.Length == 0, $"{page.Url} scrolls sideways:\n" + string.Join("\n", offenders));
    }
}
