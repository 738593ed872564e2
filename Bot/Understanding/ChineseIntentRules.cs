using static CrmBot.Understanding.IntentRule;
using static CrmBot.Understanding.RuleConditions;

namespace CrmBot.Understanding;

/// <summary>
/// The Chinese keyword rules, written like the English ones (<see cref="EnglishIntentRules"/>): the idea's verbs
/// and objects within a few characters of each other, with their common synonyms, rather than set phrases.
/// </summary>
internal static class ChineseIntentRules
{
    private const string AnOrder = "(?:订单|⟨_order⟩)";

    /// <summary>"最佳客户" asks for a ranking (<see cref="Intent.TopCustomers"/>), not for someone to look up.</summary>
    private const string Ranked = "top\\s?|最佳|最好|最大|最重要|最有价值|核心|大|前\\d{1,2}名?|前[三五十]名?";

    /// <summary>
    /// "为什么张三收到了发货通知", "张三为什么收到付款提醒", "为什么给张三发了欢迎消息": whom (<c>who</c>, never the asker, and
    /// nothing not received) and which message (<c>what</c>), like <see cref="EnglishIntentRules.WhyReceived"/>.
    /// </summary>
    internal const string WhyReceived =
        "^(?:请问)?(?:(?:为什么|为啥|为何)会?给(?:客户|顾客)?(?!我|你)(?<who>[^没未不]{1,30}?)发送?了?"
        + "|(?:为什么|为啥|为何)会?(?:客户|顾客)?(?!我|你)(?<who>[^没未不]{1,30}?)会?(?:收到|接到)了?"
        + "|(?:客户|顾客)?(?!我|你)(?<who>[^没未不]{1,30}?)(?:为什么|为啥|为何)会?(?:收到|接到)了?)"
        + "(?<what>.*?)[\\s?？。!！]*$";

    /// <summary>"还没发货" and "没收到货" ask where things are; they report nothing done.</summary>
    private static bool IsNotChineseNegated(Utterance utterance) => utterance.Masked.AsSpan().IndexOfAny('没', '未') < 0;

    public static IEnumerable<IntentRule> All =>
    [
        // 我的订单到哪了?
        Anywhere(Intent.TrackOrder, 0.92, "(?:订单|包裹|快递|货|东西|物流|宝贝|⟨_order⟩|⟨_tracking⟩).{0,10}(?:到哪|在哪|到了吗|到了没|什么时候到|啥时候到|何时到|几时到|进度|状态|怎么样了|发货了吗|发了吗|发货没|发了没|送到了吗|还没到|没到|没收到|还没收到|到没到|寄出了吗|还没发|没发货)"),
        Anywhere(Intent.TrackOrder, 0.88, "(?:查|查询|查看|看看|看一下|跟踪|追踪|查一查|查查)(?:一下|下)?(?:我的)?.{0,4}(?:订单|物流|快递|包裹|⟨_order⟩|⟨_tracking⟩)"),
        Anywhere(Intent.TrackOrder, 0.8, "到哪了|到哪儿了|在哪里|在哪儿|到哪里了"),
        Anywhere(Intent.TrackOrder, 0.8, "物流(?:信息|状态|进度|情况)|快递(?:信息|状态|进度)"),
        Anywhere(Intent.TrackOrder, 0.85, "(?:快递单号|运单号|物流单号|单号).{0,6}(?:多少|是什么|是啥|呢|[?？])"),
        Anywhere(Intent.TrackOrder, 0.85, "(?:什么时候|啥时候|何时|多久|几天)(?:能|可以|才)?(?:到|发货|发|送到|寄到|收到|寄出)"),
        Anywhere(Intent.TrackOrder, 0.85, "(?:还没|没有|没|未)(?:收到|到货|发货|寄出|送到)"),
        Anywhere(Intent.TrackOrder, 0.6, "我的订单"),
        Whole(Intent.TrackOrder, 0.85, "跟踪|追踪|查订单|订单状态|物流|我的订单"),

        // 我想买...
        Anywhere(Intent.PlaceOrder, 0.92, "(?:新订单|新建订单|创建订单|下单|下个单|订购|购买|订货|买东西)(?!可能性|概率|倾向|评分)", IsNotWhyReceived),
        Anywhere(Intent.PlaceOrder, 0.9, "(?:想|要|需要|打算|准备)(?:买|订|订购|购买|下单)"),
        Anywhere(Intent.PlaceOrder, 0.85, "买|来", u => u.Has<QuantityEntity>()),
        Anywhere(Intent.PlaceOrder, 0.7, "买(?!家)"),
        Anywhere(Intent.PlaceOrder, 0.8, "(?:加入|加到|放进|放入)购物车|结账|买单"),

        // 你们卖什么?
        Anywhere(Intent.BrowseProducts, 0.9, "(?:有什么|有哪些|有啥|都有什么|看看|浏览|推荐)(?:.{0,4})(?:商品|产品|货品|款式|目录|新品|杯子)"),
        Anywhere(Intent.BrowseProducts, 0.9, "(?:产品|商品)(?:目录|列表|清单|介绍)|(?:你们|这里|店里)(?:卖|有)(?:什么|啥|哪些)|卖(?:什么|啥|哪些)"),
        Anywhere(Intent.BrowseProducts, 0.8, "多少钱|价格|价钱|怎么卖|几块钱|报价|什么价"),
        Anywhere(Intent.BrowseProducts, 0.8, "有货吗|有没有货|有库存|库存|还有货|有卖吗|卖不卖"),
        Whole(Intent.BrowseProducts, 0.9, "商品|产品|目录|商城|逛逛|随便看看|看看"),

        // 取消订单
        Anywhere(Intent.CancelOrder, 0.92, "取消.{0,6}(?:订单|⟨_order⟩|这单|那单|这个单|这一单|购买)", IsNotWhyReceived),
        Anywhere(Intent.CancelOrder, 0.92, AnOrder + ".{0,6}(?:取消|不要了|作废|撤销)", IsNotWhyReceived),
        Anywhere(Intent.CancelOrder, 0.9, "(?:这单|那单|这个单|这一单|这笔订单)(?:不要了|取消|算了|作废)"),
        Anywhere(Intent.CancelOrder, 0.8, "退单|撤单|撤销订单"),

        // 修改我的手机号
        Anywhere(Intent.UpdateContact, 0.92, "(?:修改|更改|更新|改|换|变更|编辑|更正)(?:一下|下)?(?:我的)?(?:手机号?码?|电话(?:号码)?|号码|邮箱|邮件地址|电邮|地址|收货地址|联系方式|联系电话|名字|姓名|资料)"),
        Anywhere(Intent.UpdateContact, 0.88, "新的?(?:手机号?码?|电话(?:号码)?|号码|邮箱|地址)"),
        Anywhere(Intent.UpdateContact, 0.88, "(?:手机|电话|号码|邮箱|地址)(?:换了|改了|变了|已更换)"),
        Anywhere(Intent.UpdateContact, 0.7, "搬家"),

        // 不要再给我发消息
        Anywhere(Intent.OptOut, 0.95, "(?:不要|别|不用|不想|请勿|勿|不许|禁止)再?(?:给我)?(?:发(?!货|票|错)|推送|打扰|骚扰|打电话|联系|通知)"),
        Anywhere(Intent.OptOut, 0.95, "退订|取消订阅|取消关注|拒收|免打扰|不想再?收到|别再?烦我|不要再?骚扰"),
        Anywhere(Intent.OptOut, 0.9, "(?:关闭|关掉|停止|屏蔽)(?:消息|通知|推送|提醒|短信)"),
        Whole(Intent.OptOut, 0.9, "退订|停止|不要再发了|别发了"),

        // 重新订阅
        Anywhere(Intent.OptIn, 0.9, "(?<!取消)(?<!退)(?:重新)?订阅|恢复(?:推送|通知|消息|发送)|(?:继续|重新|可以)(?:给我)?(?:发(?!货|票)|推送)(?:消息|通知)?|(?:开启|打开)(?:消息|通知|推送)", IsNotNegated),

        // 人工客服
        Anywhere(Intent.Human, 0.9, "人工|真人|转人工|客服|活人|工作人员|销售人员|业务员"),
        Anywhere(Intent.Human, 0.85, "(?:找|叫|转|接通)(?:一下|个)?(?:人|客服|工作人员|负责人|经理|销售)(?!员)"),
        Anywhere(Intent.Human, 0.75, "给我打电话|打电话给我|回电话|回个电话|给我回电"),

        // 帮我查一下客户张三
        // 王芳的购买可能性；今天该给谁打电话
        Anywhere(Intent.ScoreCustomer, 0.98, "(?:购买|下单|成交)(?:可能性|概率|倾向|评分)"),
        Anywhere(Intent.ScoreCustomer, 0.93, "给.{1,20}(?:打分|评分)"),
        Anywhere(Intent.CallPlan, 0.95, "(?:该|应该|要|需要)?(?:给|打给)谁打电话|打给谁"),
        Anywhere(Intent.CallPlan, 0.93, "(?:通话|电话|致电|回访)(?:计划|清单|列表|名单)"),

        // 统计；本季度收入；最佳客户
        Whole(Intent.Stats, 0.95, "统计|统计数据|数据统计|数据|报表|销售报表|销售统计|销售数据|经营数据|业绩|看板|数据看板"),
        Anywhere(Intent.Stats, 0.9, "统计|报表|数据看板|经营数据|销售数据|业绩"),
        Anywhere(Intent.Revenue, 0.93, "收入|营收|营业额|销售额|流水|进账"),
        Anywhere(Intent.Revenue, 0.93, "(?:赚了|挣了|卖了)多少"),
        Anywhere(Intent.TopCustomers, 0.96, "(?:" + Ranked + ")(?:的)?(?:客户|顾客|买家)|(?:客户|顾客)(?:排名|排行|榜)"),
        Anywhere(Intent.TopCustomers, 0.93, "谁.{0,6}(?:买|花|消费|下单)(?:得|了)?最多"),

        Anywhere(Intent.FindCustomer, 0.92, "(?:查|找|搜|搜索|查找|查询|查看|看看|打开|调出)(?:一下|下)?.{0,4}(?<!(?:" + Ranked + ")的?)(?:客户|顾客|用户|会员|联系人|买家)"),
        Anywhere(Intent.FindCustomer, 0.85, "客户|顾客", u => HasContact(u) && IsNotWhyReceived(u)),
        Anywhere(Intent.FindCustomer, 0.88, "查|找|搜|是谁|谁是", HasContact),
        Anywhere(Intent.FindCustomer, 0.85, "(?:客户|顾客)(?:资料|信息|详情|档案)"),

        // 导出客户数据；删除客户数据
        Anywhere(Intent.ExportCustomerData, 0.97, "导出(?:一下)?.{0,12}(?:客户|顾客|用户|数据|资料|信息|档案)"),
        Anywhere(Intent.EraseCustomerData, 0.97, "(?:删除|删掉|清除|抹去|抹除|注销|匿名化)(?:一下)?.{0,12}(?:客户|顾客|用户)|(?:删除|删掉|清除|抹去|抹除)(?:一下)?.{0,12}(?:个人)?(?:数据|资料|信息|档案)"),
        Anywhere(Intent.EraseCustomerData, 0.97, "被遗忘权"),

        // 收到付款
        Anywhere(Intent.RecordPayment, 0.95, "标记.{0,8}(?:已付款|已付|已支付|付款)"),
        Anywhere(Intent.RecordPayment, 0.92, "(?<![没未])(?:收到|已收|确认|登记|记录|记一笔|录入)了?.{0,4}(?:付款|货款|款项|转账|打款|汇款|(?<!退)钱|(?<![退付货])款)", IsNotWhyReceived),
        Anywhere(Intent.RecordPayment, 0.92, "(?:货款|付款|款项|(?<!退)钱|(?<![退货付])款)(?:已|已经)?(?:到账|收到|付清|结清)", IsNotWhyReceived),
        Statement(Intent.RecordPayment, 0.8, "(?:已|已经)(?:付款|支付|付清|转账|打款|汇款|付)|(?:付款|支付)(?:了|成功|完成)"),
        Statement(Intent.RecordPayment, 0.6, "付款|支付"),

        // 用顺丰发货
        Statement(Intent.ShipOrder, 0.88, "发货|发出|寄出|出库|揽收", IsNotChineseNegated),
        Anywhere(Intent.ShipOrder, 0.9, "用|走|通过|交给|发", u => u.Has<CarrierEntity>()),
        Anywhere(Intent.ShipOrder, 0.95, "标记.{0,8}(?:已发货|已发出|发货)"),
        Statement(Intent.ShipOrder, 0.85, "运单号|快递单号|物流单号|单号", u => u.Has<TrackingNumberEntity>()),

        // 已签收
        Anywhere(Intent.DeliverOrder, 0.95, "标记.{0,8}(?:已送达|已签收|送达|签收|已收货|已到货)"),
        Statement(Intent.DeliverOrder, 0.85, "送达|签收|妥投|收到货(?!款)|到货", IsNotChineseNegated),

        // 退款
        Anywhere(Intent.RefundOrder, 0.92, "退款|退钱|退费|返款|退货|退回|赔偿|退差价|返现|补偿", IsNotWhyReceived),
        Anywhere(Intent.RefundOrder, 0.6, "坏了|破了|损坏|破损|有问题|质量问题|发错|少了|碎了"),

        // 记录一下通话
        Anywhere(Intent.LogInteraction, 0.9, "(?:记录|记下|记一下|添加|写|加|新建)(?:一下|个|一条|一个)?.{0,8}(?:通话|沟通|拜访|会议|备注|跟进|笔记|交流|互动)"),
        Anywhere(Intent.LogInteraction, 0.95, "^(?:备注|笔记|记录|跟进)\\s*[:：]"),
        Statement(Intent.LogInteraction, 0.8, "通了电话|打了电话|打过电话|聊了|谈了|沟通了|见了面|见面了|拜访了|开了会|回访了"),

        // 提醒我
        Anywhere(Intent.SetReminder, 0.95, "提醒我|叫我|记得提醒|别让我忘|别忘了提醒|提醒一下我|到时候提醒"),
        Anywhere(Intent.SetReminder, 0.95, "(?:设|设置|设定|加|添加|建|新建|定)(?:一个|个)?(?:提醒|闹钟)"),
        Anywhere(Intent.SetReminder, 0.7, "提醒"),

        // 我的提醒
        Anywhere(Intent.ListReminders, 0.92, "(?:我的|查看|看看|看一下|列出|所有|有哪些|有什么|有啥|全部)的?(?:提醒|待办|日程|任务)"),
        Anywhere(Intent.ListReminders, 0.92, "(?:提醒|待办)(?:列表|事项|清单)"),
        Anywhere(Intent.ListReminders, 0.85, "(?:今天|明天|本周|这周|下周)有?(?:什么|哪些|啥)(?:安排|事|待办|提醒|任务)"),

        // 完成 2
        Anywhere(Intent.CompleteReminder, 0.95, "(?:完成|做完|搞定|办完|关闭)了?(?:第)?\\s*\\d{1,2}\\s*(?:个|条|项)?(?:提醒|待办)?"),
        Anywhere(Intent.CompleteReminder, 0.95, "(?:第)?\\s*\\d{1,2}\\s*(?:个|条|项)?(?:提醒|待办)(?:已经?)?(?:完成|做完|搞定|办完)"),

        // 取消第 2 个提醒
        Anywhere(Intent.CancelReminder, 0.97, "(?:取消|删除|删掉|去掉)(?:第)?\\s*\\d{1,2}\\s*(?:个|条|项)?(?:提醒|待办)"),

        // 工作流；暂停 unpaid-order-nudge；放行 welcome-new-customer；为什么张三收到了发货通知
        Whole(Intent.ListWorkflows, 0.95, "(?:查看|看看|列出|显示)?(?:所有|全部)?的?(?:销售)?(?:工作流|自动化规则|自动化流程|自动化|工作流规则)(?:列表|状态)?"),
        Anywhere(Intent.ListWorkflows, 0.9, "(?:查看|看看|看一下|列出|显示|有哪些|有什么)(?:一下)?(?:所有|全部)?的?(?:工作流|自动化规则|自动化流程)"),
        Anywhere(Intent.PauseWorkflow, 0.97, "^(?:请)?(?:帮我)?暂停(?!推送|通知|消息|发送|提醒|短信)"),
        Anywhere(Intent.ResumeWorkflow, 0.97, "^(?:请)?(?:帮我)?(?:恢复|重新启用|启用)(?!推送|通知|消息|发送|提醒|短信)"),
        Anywhere(Intent.ReleaseHeldRuns, 0.97, "^(?:请)?(?:帮我)?放行"),
        Anywhere(Intent.DiscardHeldRuns, 0.97, "^(?:请)?(?:帮我)?丢弃"),
        Anywhere(Intent.ExplainMessage, 0.98, WhyReceived),

        // 帮助
        Whole(Intent.Help, 0.95, "帮助|帮忙|救命|怎么用|如何使用|使用说明|说明|你能做什么|你会做什么|你会什么|你能干什么|你能干嘛|有什么功能|功能|你是谁|帮帮我|求助|怎么操作"),
        Anywhere(Intent.Help, 0.9, "你能做什么|你会做什么|你能干什么|你能干嘛|你可以做什么|怎么用|如何使用|有什么功能|能帮我做什么|能做些什么"),
        Anywhere(Intent.Help, 0.45, "帮助"),

        // 取消
        Whole(Intent.Cancel, 0.95, "取消|算了|不用了|不要了|退出|没事了|没事|放弃|不了|结束|停|不弄了|先不了|不需要了"),

        // 菜单
        Whole(Intent.Menu, 0.95, "菜单|主菜单|首页|主页|重新开始|从头开始|重来|返回|回到开始|返回主菜单|回主菜单|返回菜单|开始|回到主菜单|选项"),
        Anywhere(Intent.Menu, 0.85, "主菜单|重新开始|从头开始|返回菜单"),

        // 你好
        Whole(Intent.Greeting, 0.95, "你好|您好|嗨|哈喽|哈啰|哈罗|喂|早上好|上午好|中午好|下午好|晚上好|早安|早|在吗|在不在|在么|你好啊|你们好|大家好|您好啊|嗨喽"),
        Anywhere(Intent.Greeting, 0.4, "^(?:你好|您好|嗨|哈喽)"),
    ];
}
