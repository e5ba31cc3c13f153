using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Tests.Calendar;

public sealed class HolidayNoticeTests
{
    // 国务院办公厅关于2026年部分节假日安排的通知 (国办发明电〔2025〕7号), the arrangements as published.
    private const string Notice2026 = """
        一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
        二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
        三、清明节：4月4日（周六）至6日（周一）放假，共3天。
        四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
        五、端午节：6月19日（周五）至21日（周日）放假，共3天。
        六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
        七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
        """;

    // 国办发明电〔2024〕12号 (2025): one day without 调休, a range across months, a combined holiday — pasted as one line.
    private const string Notice2025 =
        "一、元旦：1月1日（周三）放假1天，不调休。二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。" +
        "三、清明节：4月4日（周五）至6日（周日）放假，共3天。四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。" +
        "五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。";

    private static IReadOnlyList<ScheduledDay> Shipped(int year) => WorkingCalendar.National.ScheduledDays(year);

    [Theory]
    [InlineData(2026, Notice2026)]
    [InlineData(2025, Notice2025)]
    public void TheNoticeAsPublished_ReadsAsTheShippedSchedule(int year, string notice)
    {
        var reading = HolidayNotice.Read(year, notice);
        Assert.Equal(Shipped(year), reading.Days);
        Assert.Empty(reading.Notes);
        Assert.True(reading.Complete);
    }

    [Fact]
    public void DaysOfAnotherYear_AreSetAsideAndSaid_AndAMissedStatutoryHoliday_IsPointedOut()
    {
        // The 2023 notice began in December 2022; a clerk's typo drops 10月2日 from 国庆.
        var reading = HolidayNotice.Read(2023, "一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。\n七、国庆节：10月3日（周二）至6日（周五）放假。10月7日（周六）、10月8日（周日）上班。");
        Assert.Equal([new DateOnly(2023, 1, 2), new DateOnly(2023, 10, 3), new DateOnly(2023, 10, 4), new DateOnly(2023, 10, 5), new DateOnly(2023, 10, 6)],
            reading.Days.Where(d => d.IsOffDay).Select(d => d.Date));
        Assert.Contains(reading.Notes, n => n.StartsWith("2022-12-31 不在 2023 年", StringComparison.Ordinal));
        Assert.False(reading.Complete);
        Assert.Contains("2023-10-02（国庆节）是法定节假日，安排中却不是休息日。", reading.Missing);
    }

    [Fact]
    public void LinesOfDates_AndTheCsv_AreReadToo_AndTheTemplateIsTheStatutoryMinimum()
    {
        var lines = HolidayNotice.Read(2027, "2027-01-01 放假 元旦\n2027-02-06，上班，春节\n2027-02-08 放假 春节");
        Assert.False(lines.Complete); // 除夕 (5 Feb) and the rest of the year are missing
        Assert.Equal([new ScheduledDay(new DateOnly(2027, 1, 1), true, "元旦"), new ScheduledDay(new DateOnly(2027, 2, 6), false, "春节"), new ScheduledDay(new DateOnly(2027, 2, 8), true, "春节")], lines.Days);
        Assert.Equal(lines.Days, HolidayNotice.Read(2027, HolidayNotice.ToCsv(lines.Days)).Days);

        var template = HolidayNotice.Read(2027, HolidayNotice.Template(2027));
        Assert.Equal(StatutoryHolidays.OffDays(2027), template.Days);
        Assert.Empty(template.Notes);
        Assert.True(template.Complete);
    }

    [Theory]
    [InlineData("请尽快安排")]
    [InlineData("2027-02-30 放假 春节")]
    [InlineData("2027-01-01 放假 元旦\n2027-01-01 上班 元旦")]
    public void WhatCannotBeRead_IsRefusedInChinese(string text)
    {
        var refused = Assert.Throws<FormatException>(() => HolidayNotice.Read(2027, text));
        Assert.Matches("[\u4e00-\u9fff]", refused.Message);
    }

    [Fact]
    public void AnOverlongPaste_IsRefusedBeforeItIsRead() =>
        Assert.Throws<FormatException>(() => HolidayNotice.Read(2027, new string('一', HolidayNotice.MaxLength + 1)));
}
