namespace Gongkai.Web.Pages.Console;

/// <summary>A staff member's own address for reminders and review requests, and the switch for the daily digest.</summary>
public sealed class MailSettingsModel(GongkaiDb db, StaffContext staff) : PageModel
{
    [BindProperty, Display(Name = "电子邮箱"), StringLength(254, ErrorMessage = "电子邮箱不超过 254 个字符。")]
    public string? Email { get; set; }

    [BindProperty]
    public bool DigestsOff { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await db.StaffUsers.AsNoTracking().SingleAsync(u => u.Id == staff.UserId, ct);
        (Email, DigestsOff) = (user.Email, user.DigestsOff);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await StaffAccounts.SetMailAsync(db, staff.UserId, Email, DigestsOff, ct);
        if (!outcome.IsDone)
        {
            OutcomeView.Show(this, outcome);
            return Page();
        }
        TempData["Notice"] = "邮件提醒设置已保存。";
        return Redirect("/console/account/mail");
    }
}
