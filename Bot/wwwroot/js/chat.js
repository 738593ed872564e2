// CrmBot's chat page: gets a Direct Line token from the bot, renders Bot Framework Web Chat with it and keeps the
// conversation across reloads of the same tab.
(() => {
  'use strict';

  const sessionKey = 'crmbot.webchat.session';
  const localeKey = 'crmbot.webchat.locale';

  const strings = {
    'en-US': {
      pageTitle: 'CrmBot · Shop assistant',
      skipToChat: 'Skip to the chat',
      tagline: 'Your shop assistant',
      languageLabel: 'Language',
      introTitle: 'Hi! How can we help today?',
      introText: 'Chat with CrmBot, our shop assistant, any time of day. Write the way you would to a person, in English or Chinese.',
      abilityBrowse: 'Browse our products',
      abilityOrder: 'Place an order',
      abilityTrack: 'Track an order',
      abilityHuman: 'Talk to a person',
      introHint: 'Try “what do you sell” or “track SO-10042”.',
      chatLabel: 'Chat with CrmBot',
      loading: 'Connecting you to CrmBot…',
      busy: 'There are too many visitors right now. Please try again in a minute.',
      error: 'Sorry, the chat could not start. Please check your connection and try again.',
      retry: 'Try again',
      footer: 'Reload the page and the conversation goes on; a new tab starts a new one.',
    },
    'zh-CN': {
      pageTitle: 'CrmBot · 购物助手',
      skipToChat: '跳到聊天',
      tagline: '您的购物助手',
      languageLabel: '语言',
      introTitle: '您好！今天有什么可以帮您？',
      introText: '我们的购物助手 CrmBot 随时在线。像和真人聊天一样说话就行，中文英文都可以。',
      abilityBrowse: '浏览商品',
      abilityOrder: '下单购买',
      abilityTrack: '查询订单',
      abilityHuman: '转人工客服',
      introHint: '试试说“你们卖什么”或“我的订单SO-10042到哪了”。',
      chatLabel: '与 CrmBot 聊天',
      loading: '正在为您连接 CrmBot…',
      busy: '现在访客太多，请一分钟后再试。',
      error: '抱歉，聊天未能开始。请检查网络连接后重试。',
      retry: '重试',
      footer: '刷新页面，对话会继续；新的标签页会开始新的对话。',
    },
  };

  const brand = { main: '#0b5563', dark: '#083f49', soft: '#e6f2f3', ink: '#1b2a30', muted: '#4a5b61', line: '#d3dfe2' };

  const styleOptions = {
    accent: brand.main,
    backgroundColor: '#ffffff',
    subtle: brand.muted,
    primaryFont: getComputedStyle(document.documentElement).getPropertyValue('--font').trim() || 'sans-serif',
    botAvatarInitials: 'CB',
    botAvatarBackgroundColor: brand.main,
    bubbleBackground: '#f3f6f7',
    bubbleBorderColor: brand.line,
    bubbleBorderWidth: 1,
    bubbleBorderRadius: 12,
    bubbleTextColor: brand.ink,
    bubbleFromUserBackground: brand.main,
    bubbleFromUserBorderWidth: 0,
    bubbleFromUserBorderRadius: 12,
    bubbleFromUserTextColor: '#ffffff',
    suggestedActionLayout: 'flow',
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: brand.main,
    suggestedActionBorderRadius: 999,
    suggestedActionBorderWidth: 1,
    suggestedActionTextColor: brand.main,
    suggestedActionBackgroundColorOnHover: brand.soft,
    suggestedActionBackgroundColorOnActive: '#d6ecef',
    sendBoxBackground: '#ffffff',
    sendBoxBorderTop: `solid 1px ${brand.line}`,
    sendBoxTextColor: brand.ink,
    sendBoxPlaceholderColor: '#5d6e74',
    sendBoxButtonColor: brand.main,
    sendBoxButtonColorOnHover: brand.dark,
    sendBoxHeight: 52,
    timestampColor: '#5d6e74',
    // The bot reads text and button presses; it has nothing to do with uploaded files.
    hideUploadButton: true,
  };

  const page = {
    webchat: document.getElementById('webchat'),
    status: document.getElementById('chat-status'),
    statusMessage: document.getElementById('chat-status-message'),
    retry: document.getElementById('chat-retry'),
    languageButtons: document.querySelectorAll('[data-locale]'),
  };

  let locale = storedLocale() || localeOf(navigator.language);
  let chat = null;

  /** Any Chinese (zh, zh-TW, zh-Hans-CN ...) chats in zh-CN, everything else in en-US: the two the bot speaks. */
  function localeOf(language) {
    return String(language || '').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
  }

  function text(key) {
    return strings[locale][key];
  }

  function translatePage() {
    document.documentElement.lang = locale;
    document.title = text('pageTitle');
    document.querySelectorAll('[data-i18n]').forEach(element => {
      element.textContent = text(element.dataset.i18n);
    });
    document.querySelectorAll('[data-i18n-label]').forEach(element => {
      element.setAttribute('aria-label', text(element.dataset.i18nLabel));
    });
    page.languageButtons.forEach(button => {
      button.setAttribute('aria-pressed', String(button.dataset.locale === locale));
    });
  }

  /** state: loading, ready or error; the message is a key of strings, so that it follows a change of language. */
  function showStatus(state, message) {
    page.status.dataset.state = state;
    page.retry.hidden = state !== 'error';
    // Until it is connected, the chat under the overlay is out of reach of the keyboard and screen readers too.
    page.webchat.inert = state !== 'ready';
    if (message) {
      page.statusMessage.dataset.i18n = message;
      page.statusMessage.textContent = text(message);
    }
  }

  // Storage may be unavailable (some private modes): the chat then works, only not across a reload.
  function readStorage(key) {
    try {
      return sessionStorage.getItem(key);
    } catch {
      return null;
    }
  }

  function writeStorage(key, value) {
    try {
      if (value === null) {
        sessionStorage.removeItem(key);
      } else {
        sessionStorage.setItem(key, value);
      }
    } catch {
      // See readStorage.
    }
  }

  function storedLocale() {
    const value = readStorage(localeKey);
    return value in strings ? value : null;
  }

  function storedSession() {
    try {
      const session = JSON.parse(readStorage(sessionKey));
      return isSession(session) ? session : null;
    } catch {
      return null;
    }
  }

  function isSession(value) {
    return !!value && ['token', 'conversationId', 'userId'].every(key => typeof value[key] === 'string' && value[key] !== '');
  }

  function storeSession({ token, conversationId, userId }) {
    writeStorage(sessionKey, JSON.stringify({ token, conversationId, userId }));
  }

  function forgetSession() {
    writeStorage(sessionKey, null);
  }

  class HttpError extends Error {
    constructor(status) {
      super(`HTTP ${status}`);
      this.status = status;
    }
  }

  async function post(path, headers) {
    const response = await fetch(new URL(path, document.baseURI), { method: 'POST', headers, credentials: 'same-origin' });
    if (!response.ok) {
      throw new HttpError(response.status);
    }

    return response.json();
  }

  async function newSession() {
    const { token, conversationId, userId } = await post('api/webchat/token');
    const session = { token, conversationId, userId, resumed: false };
    if (!isSession(session)) {
      throw new Error('The token response lacks a token, conversationId or userId.');
    }

    return session;
  }

  /** The conversation of an earlier load of this tab, with a fresh token; null when it cannot go on. */
  async function resumedSession(saved) {
    try {
      const refreshed = await post('v3/directline/tokens/refresh', { Authorization: `Bearer ${saved.token}` });
      const session = { token: refreshed.token, conversationId: refreshed.conversationId || saved.conversationId, userId: saved.userId, resumed: true };
      return isSession(session) ? session : null;
    } catch {
      return null;
    }
  }

  async function start() {
    stop();
    showStatus('loading', 'loading');
    if (!window.WebChat) {
      showStatus('error', 'error');
      return;
    }

    let session;
    try {
      const saved = storedSession();
      session = (saved && (await resumedSession(saved))) || (await newSession());
    } catch (error) {
      showStatus('error', error instanceof HttpError && error.status === 429 ? 'busy' : 'error');
      return;
    }

    storeSession(session);
    connect(session);
  }

  function connect(session) {
    const current = {
      userId: session.userId,
      directLine: WebChat.createDirectLine({
        domain: new URL('v3/directline', document.baseURI).href,
        token: session.token,
        // With a conversation id Direct Line resumes that conversation (and replays it) instead of starting one.
        conversationId: session.resumed ? session.conversationId : undefined,
        conversationStartProperties: { locale },
        webSocket: false,
      }),
    };
    current.store = WebChat.createStore({}, () => next => action => {
      if (chat === current) {
        onChatAction(action, session);
      }

      return next(action);
    });
    chat = current;
    render();
  }

  function onChatAction(action, session) {
    if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
      showStatus('ready');
    } else if (action.type === 'DIRECT_LINE/CONNECT_REJECTED') {
      forgetSession();
      if (session.resumed) {
        // The earlier conversation is gone (e.g. the bot restarted without it): quietly start a new one.
        setTimeout(start);
      } else {
        showStatus('error', 'error');
      }
    }
  }

  function stop() {
    if (chat) {
      chat.directLine.end();
      chat = null;
    }
  }

  function render() {
    if (chat) {
      WebChat.renderWebChat(
        { directLine: chat.directLine, store: chat.store, userID: chat.userId, locale, styleOptions },
        page.webchat,
      );
    }
  }

  function switchLocale(next) {
    if (next === locale || !(next in strings)) {
      return;
    }

    locale = next;
    writeStorage(localeKey, locale);
    translatePage();
    // Same Direct Line and store: the conversation and its transcript stay, Web Chat only speaks the new language.
    render();
  }

  page.languageButtons.forEach(button => button.addEventListener('click', () => switchLocale(button.dataset.locale)));
  page.retry.addEventListener('click', start);

  translatePage();
  start();
})();
