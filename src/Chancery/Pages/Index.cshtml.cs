using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chancery.Pages;

[AllowAnonymous]
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => Redirect("/staff");
}
