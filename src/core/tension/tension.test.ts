import { describe, expect, test } from 'vitest';
import { DEFAULT_THRESHOLDS, classifyMessage, classifyThread, type ThreadMessage } from './index';
import { TensionSeedSchema, loadTensionRules } from './validate';
import { seedFiles, seedRules } from './test-seeds';

const rules = seedRules();
const reasonIds = (text: string): string[] => classifyMessage(text, rules).reasons.map((r) => r.id);

describe('flags', () => {
  test.each([
    ['cancel-threat', 'If this isn\'t fixed today I\'m cancelling my account.', "I'm cancelling"],
    ['cancel-threat', 'I will be cancelling my subscription.', 'will be cancelling'],
    ['cancel-threat', 'Honestly I will cancell this', 'will cancell'],
    ['cancel-threat', 'I am going to take my business elsewhere', 'take my business elsewhere'],
    ['cancel-threat', 'You just lost a customer.', 'lost a customer'],
    ['supervisor-demand', 'I want to speak to your supervisor right now.', 'speak to your supervisor'],
    ['supervisor-demand', 'Please escalate this.', 'escalate'],
    ['public-threat', "I'll be leaving a 1-star review everywhere I can.", 'leaving a 1-star review'],
    ['public-threat', 'I will post this on social media', 'social media'],
    ['legal-threat', 'My lawyer will be in touch.', 'lawyer'],
    ['shouting', "It says 'ERROR 07' and it is STILL broken.", 'STILL'],
    ['exclamation', 'They said "dispatched" and it never came!!!', '!!!'],
    ['accusation', 'Your support is useless and your team never replies.', 'Your support'],
    ['urgency', 'Urgent? Yes. We launch on Friday.', 'Urgent'],
    ['cancel-threat', 'Cancel my account!!! Not paying for this again.', 'Cancel my'],
    ['legal-threat', 'I will file a chargeback with my bank', 'file a chargeback'],
    ['legal-threat', 'See you in small claims', 'small claims'],
    ['repeat-contact', "This is the third time I'm asking about this.", 'third time'],
    ['repeat-contact', 'I have already explained this twice', 'already explained'],
    ['repeat-contact', 'Still waiting for an answer', 'Still waiting'],
    ['urgency', 'I need this fixed ASAP', 'ASAP'],
    ['urgency', 'Reply right now', 'Reply right now'],
    ['profanity', 'This is bullshit, just fix it.', 'bullshit'],
    ['profanity', 'what the hell is going on', 'hell'],
    // A masked word is quoted whole, not as the letters before the first asterisk.
    ['profanity', 'What the f**k is this invoice', 'f**k'],
    ['profanity', 'F*** this. Nobody answers.', 'F***'],
    ['insult', 'Your support team is useless', 'useless'],
    ['insult', 'what a joke this company is', 'a joke'],
    ['shouting', 'WHERE IS MY REFUND', 'WHERE IS MY REFUND'],
    ['shouting', 'I have NOT received anything', 'NOT'],
    ['exclamation', 'Where is my order?!', '?!'],
    ['exclamation', 'Fix it!!!', '!!!'],
    ['sarcasm', 'Thanks for nothing.', 'Thanks for nothing'],
    ['sarcasm', 'Great job, another week without internet. Amazing service.', 'Great job'],
    ['sarcasm', 'Oh great, it broke again', 'Oh great'],
    ['sarcasm', 'Wow, five days for a reply. Stellar service.', 'Stellar service'],
    ['sarcasm', "The 'instant' transfer has been pending for 3 days.", "'instant'"],
    ['sarcasm', 'Your “customer care” team hung up on me.', '“customer care”'],
    ['sarcasm', "Day 6 of 'we'll email you within 48 hours' and still nothing.", "'we'll email you within 48 hours'"],
    ['negative-emotion', 'I am so frustrated with this', 'frustrated'],
    ['negative-emotion', 'This is absolutely unacceptable', 'unacceptable'],
    ['negative-emotion', 'sooo annoyed right now', 'annoyed'],
    // A third party's feeling is not the customer's (the "others" list), unless the customer shares it.
    ['negative-emotion', 'My wife and I are furious about the missed delivery.', 'furious'],
    ['negative-emotion', 'stop lying to me. the tracking hasnt updated in 2 weeks', 'stop'],
    ['negative-emotion', 'my order 😡😡', '😡'],
    ['accusation', 'You people never get anything right.', 'You people'],
    ['accusation', 'This is a scam', 'scam'],
    ['accusation', 'you lied to me about the price', 'you lied'],
    ['politeness', 'Hi, could you help me update my billing address? Thanks!', 'Thanks'],
    // A praise word as a sentence of its own, beside a complaint.
    ['sarcasm', 'Two hours on hold and then cut off. Brilliant.', 'Brilliant'],
    ['sarcasm', 'Lovely. Really lovely. The parcel is missing again.', 'Really lovely'],
    ['supervisor-demand', 'Manager. Now.', 'Manager'],
    ['insult', 'Dear idiots, the patch broke everything.', 'Dear idiots'],
    ['accusation', "I've been lied to by three different agents.", 'been lied'],
    ['cancel-threat', "If it isn't sorted I'll look at other providers.", 'look at other providers'],
    ['public-threat', "I'm posting about this on every platform I use.", 'posting about this on every platform'],
    // A negation in the condition does not reach the threat after a new subject.
    ['cancel-threat', "If my order isn't sorted by tomorrow I'm moving my prescriptions elsewhere.", 'moving my prescriptions elsewhere'],
    // Said word by word, the words still make the phrase.
    ['supervisor-demand', 'CONNECT. ME. TO. A. MANAGER.', 'CONNECT. ME. TO. A. MANAGER'],
    ['repeat-contact', 'Every. Single. Time. The parcel is late.', 'Every. Single. Time'],
    // A day named beside a complaint is time pressure the agent should see (reported, worth no points).
    ['urgency', "I've chased this twice and I'm stuck abroad.", 'abroad'],
    // Words that excuse a cue count only in its own sentence.
    ['supervisor-demand', 'GET ME A SUPERVISOR. I am not explaining this again.', 'A SUPERVISOR'],
    // A scare quote may close the message, and the complaint that shows the doubt may be anywhere in it.
    ['sarcasm', "Eleven weeks of outages is not a 'minor service interruption'", "'minor service interruption'"],
    ['sarcasm', "Your 'support' team closed my ticket. Reopened it. You closed it again. Are you TRYING to lose customers?", "'support'"],
    ['sarcasm', "A £45 'admin fee' to change one name on a ticket? Daylight robbery.", "'admin fee'"],
    ['shouting', 'You banned ME instead of the cheater.', 'ME'],
    ['shouting', 'NO. I want my money back.', 'NO'],
    ['shouting', 'Your bot replied "Hi [NAME]" AGAIN.', 'AGAIN'],
    ['shouting', '[EDIT: STILL NOT FIXED] nothing from you', 'STILL'],
    ['shouting', '@GEICO where is my CLAIM', 'CLAIM'],
    ['shouting', 'I am NOT-HAPPY with https://example.com/help', 'NOT-HAPPY'],
    ['shouting', 'STILL NOT FIXED: day 5', 'STILL NOT FIXED'],
    // A threat of the customer's own beside a quoted one.
    ['supervisor-demand', "Your bot keeps saying 'contact a supervisor'. Fine: get me a supervisor today.", 'a supervisor'],
    ['shouting', 'Three weeks and STILL nothing (see example.com/status).', 'STILL'],
    ['legal-threat', 'Fix this today. Or else. My bank will hear about the charge.', 'bank will hear about'],
    ['cancel-threat', "Otherwise I'll have no choice but to switch provider.", 'no choice but to switch'],
    ['sarcasm', "'We're looking into it.' Sure you are.", 'Sure you are'],
    ['cancel-threat', 'F*** this. Three hours of my life in your queue. Cancel my account.', 'Cancel my'],
    ['sarcasm', "Not another 'advisor' reading from a script. I want a manager.", "'advisor'"],
    ['cancel-threat', "Three months of this. I'm done.", "I'm done"],
    ['repeat-contact', 'You said two days for the card. Its day 9.', 'Its day 9'],
    ['supervisor-demand', 'Can it please be escalated to someone who can decide?', 'escalated to someone'],
    ['accusation', "You raised the price and hoped I wouldn't notice.", "hoped I wouldn't notice"],
    ['sarcasm', "Love how the 'instant' transfer is now on day three.", "'instant'"],
    // Masked words are read as the word they hide, and quoted whole.
    ['profanity', 'This is s*** service.', 's***'],
    ['profanity', 'What a load of bulls**t.', 'bulls**t'],
    ['profanity', 'Stop the d*mn debt collectors.', 'd*mn'],
    ['profanity', 'This is p*ss-poor.', 'p*ss-poor'],
    // One letter repeated is a name ("BBB"), not an elongated word.
    ['legal-threat', "I'm reporting you to the BBB.", 'reporting you to the BBB'],
    ['sarcasm', "I never signed up for that 'membership'. Give it back or I'll see you in court.", "'membership'"],
  ])('%s: %s', (reason, text, evidence) => {
    const v = classifyMessage(text, rules);
    const r = v.reasons.find((x) => x.id === reason);
    expect(r, JSON.stringify(v.reasons)).toBeDefined();
    expect(r!.spans.map((s) => s.text)).toContain(evidence);
    for (const s of r!.spans) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(r!.ruleIds.length).toBeGreaterThan(0);
  });

  test.each([
    ['calm', 'Hi, could you help me update my billing address? Thanks!'],
    ['heated', "If this isn't fixed today I'm cancelling my account."],
    ['heated', 'My lawyer will be in touch.'],
    ['tense', 'This is the third time I\'m asking about this.'],
    ['tense', 'Thanks for nothing.'],
    // Time the customer lost to our misses says what no feeling word does.
    ['tense', 'Third delivery slot missed. I have taken three mornings off work for this now.'],
    ['tense', 'WHERE IS MY REFUND'],
    ['heated', "You're an embarrassment. Sort my prescription out or I'm going to the CQC."],
    ['heated', "you charged me £200 for a dent that was already there. thieves. never renting from you again"],
    ['heated', 'THIS IS THE LAST TIME I BOOK WITH YOU. Pathetic. Tripadvisor will be hearing all about it.'],
    ['tense', "I'm not trying to be difficult, but this is the third time I've explained it. I'm fed up."],
  ])('level %s: %s', (level, text) => {
    expect(classifyMessage(text, rules).level).toBe(level);
  });

  test('a cue worth no points is reported but does not move the score', () => {
    const base = classifyMessage("I've chased this twice and I'm stuck.", rules);
    const withDay = classifyMessage("I've chased this twice and I'm stuck abroad.", rules);
    expect(withDay.reasons.map((r) => r.id)).toContain('urgency');
    expect(withDay.reasons.find((r) => r.id === 'urgency')!.weight).toBe(0);
    expect(withDay.score).toBe(base.score);
  });

  test.each([
    ['The parcel is late and I am stuck abroad. It is late again, I need it today.'],
  ])('a cue worth no points never lowers the same reason carried by another rule: %s', (text) => {
    const urgency = classifyMessage(text, rules).reasons.find((r) => r.id === 'urgency');
    expect(urgency!.weight).toBeGreaterThan(0);
  });

  // Capitals that thank and complain of nothing are shown, for no points; beside a complaint they count.
  test.each([
    ['THANK YOU SO MUCH!!! My daughter’s present arrived just in time', 'calm', 0],
    ['THANK YOU SO MUCH FOR SORTING MY PENSION FORM. VERY GRATEFUL.', 'calm', 0],
    ['THANK YOU, BUT IT IS STILL BROKEN', 'tense', 35],
    ['THANKS FOR NOTHING', 'heated', 35],
  ] as const)('warm capitals: %s', (text, level, points) => {
    const v = classifyMessage(text, rules);
    expect(v.level).toBe(level);
    expect(v.reasons.find((r) => r.id === 'shouting')?.weight).toBe(points);
  });
});

describe('does not flag', () => {
  test.each([
    ['cancel-threat', "I don't want to cancel"],
    ['cancel-threat', 'please cancel my subscription, thanks'],
    ['cancel-threat', 'How do I cancel my order?'],
    ['cancel-threat', "I'm not cancelling, I just want it fixed"],
    ['supervisor-demand', 'my manager asked me to request an invoice'],
    ['supervisor-demand', 'Please forward this to your supervisor for approval of the discount.'],
    ['supervisor-demand', 'Can you add my manager as an approver on the account?'],
    ['supervisor-demand', 'Please do not escalate this, it is minor'],
    ['public-threat', 'I left a 5 star rating last year'],
    ['legal-threat', 'I do not plan to sue anyone'],
    ['legal-threat', 'Hi, could you send the deposit protection certificate for 14B Harcourt Road? We need it for the mortgage.'],
    ['legal-threat', 'Our class is doing a project on consumer rights, could someone answer three questions about returns?'],
    ['legal-threat', 'Can I get the money back through PayPal if the seller never ships?'],
    ['legal-threat', "My bank says the refund hasn't come back through the card yet, could you check?"],
    ['public-threat', "Looking forward to hearing from the press office about the photos."],
    ['legal-threat', 'What happens if I file a chargeback?'],
    ['repeat-contact', 'Quick question about my invoice'],
    ['profanity', 'That update was fucking awesome'],
    ['profanity', 'Hello, hope you are well'],
    ['profanity', 'The photos are pretty damning: the box was crushed before it left your depot.'],
    ['profanity', "It's a toss-up between the blue and the grey one, which is in stock?"],
    ['insult', 'The old app was not useless at all'],
    ['shouting', 'I got a PDF from the IRS about my USA account'],
    ['shouting', 'Can you resend the PDF?'],
    ['shouting', 'My parcel PCL-7734-2291 and order AB12CD show nothing yet'],
    ['shouting', 'The API returns HTTP 500 on POST /v2/labels; GET /v2/rates works'],
    ['exclamation', 'Thanks!'],
    ['sarcasm', 'Great job on the new release, thank you!'],
    ['sarcasm', "Funny story: my cat sat on the keyboard and ordered two kettles. Could you cancel one?"],
    ['sarcasm', "It's not funny how often I forget my password, ha. Could you send a reset link?"],
    ['sarcasm', 'Thanks for your help'],
    ['sarcasm', 'Great product. The delivery was late though.'],
    ['sarcasm', "I clicked the 'Export' button and nothing happens."],
    ['sarcasm', "The app still says 'pending'."],
    ['accusation', 'Sorry to bother you again, I forgot to attach the photo. Here it is.'],
    ['accusation', "Don't worry if you forgot, I can send the form again. Thanks"],
    ['accusation', 'Hello, ur agent told me the refund takes 5-7 working days, just checking. Thanks'],
    ['insult', "Can someone let me know what you're doing about my order? Thanks"],
    ['insult', 'My son needs his head examined by the optician, can I book two slots?'],
    ['insult', "I think I'm in a different line of work now, so please close my old business account."],
    ['public-threat', 'I posted a question on the community page and got a great answer.'],
    ['public-threat', 'My daughter loved the radio show you sponsored, thank you!'],
    ['public-threat', 'I read an article in the Evening Standard about your new app. Does it work in Leeds?'],
    ['cancel-threat', "We'll be switching over to the new plan on 1 September, thanks for everything."],
    ['cancel-threat', 'Could you cancel me out of the newsletter, please?'],
    ['cancel-threat', "Is there a cheaper plan? We don't renew until October, so no rush."],
    ['urgency', 'Hi, I have a visa appointment next month. Could you send the letter when you can? Thanks'],
    ['sarcasm', 'Love the name of the new tier! When does it launch?'],
    ['sarcasm', "I'm starting a collection of your mugs, do you sell the blue one?"],
    ['sarcasm', 'Thanks, the engineer was great. Nice touch leaving the spare filters.'],
    ['cancel-threat', "Hi, I'm switching to the annual plan next month. How do I do that? Thanks"],
    ['cancel-threat', "Could you tell me how to delete my old account for good? I've made a new one. Thanks"],
    ['cancel-threat', 'We moved our savings to your fixed-rate account last week, can you confirm the rate?'],
    ['supervisor-demand', "My manager's name is Sarah Collins, please add her as a second contact."],
    ['public-threat', 'Thanks for the help, I will share my experience with a friend who wants to join.'],
    ['public-threat', 'Is there a way to give feedback on all platforms from one place? Thanks'],
    ['public-threat', 'Saw a thread on Reddit saying you are closing the Bristol depot. Will that affect collections?'],
    ['public-threat', 'Off to leave you a 5-star review on Trustpilot now!'],
    ['accusation', 'You put me in a lovely room last time, could I have the same one again?'],
    ['accusation', 'I was charged twice this month, probably a glitch. Could you refund one? Thanks'],
    ['urgency', 'You have until Friday to send the signed form? Just checking the deadline. Thanks'],
    ['insult', 'Your chatbot is great, much better than the old one.'],
    ['profanity', '**Order 1234** arrived, thanks!'],
    ['profanity', 'Rated 5* on the app store, love it'],
    ['cancel-threat', "Please don't forget about my membership renewal reminder, thanks!"],
    ['cancel-threat', "We'd like to pause the renewal until our budget is approved in March. Is that possible? Thanks"],
    ['cancel-threat', "My son is moving schools, so we need to withdraw him from the course. What's the process? Thanks"],
    ['cancel-threat', "I'm taking the kids somewhere else for half term, can I pause the membership?"],
    ['public-threat', "I'm posting the photos of the damaged box here so you can see. Thanks"],
    ['sarcasm', 'Lovely hold music by the way, made the wait fly by. Thanks for sorting it.'],
    ['sarcasm', 'Hats off to Jenny at the Leeds branch, she was brilliant.'],
    ['sarcasm', 'The delivery driver said the lovely surprise was from my sister!'],
    ['service-failure', 'I am taking a day off next Friday, could the delivery come then? Thanks'],
    ['service-failure', 'I have booked the afternoon off for the install, see you at 2!'],
    ['sarcasm', "Sync fails with the 'ERR_TIMEOUT' code."],
    ['urgency', 'Urgent? Not at all, just wondering if you stock the blue one.'],
    ['sarcasm', "Your email said 'we will call you on Monday'. Could you confirm the time?"],
    ['sarcasm', 'We will call you back, we are sorry it is still broken.'],
    ['cancel-threat', 'Cancel? No, I only want to pause it for a month.'],
    ['cancel-threat', 'Hi, I do not want to cancel my membership!! Just pause it please.'],
    ['shouting', 'We get HTTP 429 TOO_MANY_REQUESTS since we increased polling.'],
    ['repeat-contact', 'We get HTTP 429 TOO_MANY_REQUESTS since we increased polling.'],
    ['shouting', "The portal says 'ERROR: DOCUMENT INVALID' for my upload."],
    // Template and redaction placeholders are not a raised voice.
    ['shouting', 'Your email starts "Dear [FIRST NAME]" and asks me to quote [ORDER NUMBER].'],
    ['shouting', 'The reminder says Hi {{CUSTOMER_NAME}}, your <REDACTED> plan renews soon.'],
    // Handles on social channels, links, addresses and codes.
    ['shouting', 'Just switched to @DIRECTV and @XFINITY sent the final bill already, thanks'],
    ['shouting', 'The link https://portal.example.com/ACCOUNT/BILLING is broken'],
    ['shouting', 'The page example.com/ORDERS/STATUS is broken'],
    ['shouting', 'My email is JOHN.SMITH@EXAMPLE.COM now'],
    ['shouting', 'The account code ACME-WIDGETS-LTD is wrong on the invoice'],
    // Headings: a pasted email subject, a form's labels.
    ['shouting', 'RE: RE: FW: Invoice 2291 - PAYMENT REMINDER\n\nHi, we paid this last week, remittance attached.'],
    ['shouting', 'ORDER DETAILS:\nOrder number: 55512\n\nHi, the kettle lid is cracked. Could you send a new one?'],
    ['shouting', 'New bank details from next month.\nAccount name: J K HOLLOWAY\nSort code: 20-44-91'],
    ['cancel-threat', "I'm changing banks on the 28th. Please use the new details from next month."],
    ['exclamation', 'I got a notice saying "Payment failed!!" but the money left my account.'],
    ['accusation', 'Hi, is there a migration guide, or can your team assist?'],
    ['accusation', 'I got a letter from your fraud department about a payment. Yes, that was me.'],
    ['accusation', "Morning, what's your policy on returning opened software? The key hasn't been activated."],
    ['accusation', "I'd like to report a possible scam text pretending to be from you."],
    ['accusation', 'Thinking of getting the family plan so everyone has their own watchlist.'],
    ['sarcasm', "Is the 'Kids eat free' offer valid at the Brighton branch?"],
    ['sarcasm', "Can you change my name to 'Sam' on the account?"],
    ['negative-emotion', 'Not bad at all'],
    ['negative-emotion', "I'm not angry, just curious"],
    ['negative-emotion', 'I hate to chase, but is there any update on my refund?'],
    ['negative-emotion', 'My aunt is 84 and she gets anxious with new phones. Could someone talk her through the setup?'],
    // Threats and feelings in someone else's quoted words.
    ['negative-emotion', "The 'WRONG PIN' message came up so my card's blocked now. Totally my fault. How do I unblock it?"],
    ['legal-threat', "I got a letter saying 'Failure to respond may result in legal proceedings' but I only moved in last week. Which form do I need?"],
    ['supervisor-demand', "Your chat bot told me to 'escalate to a manager', but it's only a question about parking. Is it free after 6?"],
    ['accusation', 'Thank you guys for the quick reply'],
    ['public-threat', "I'll be telling all my friends about you, best service ever!"],
    ['urgency', 'Is there any deadline for claiming the points?'],
    ['cancel-threat', 'How do I port my number to you?'],
    ['cancel-threat', 'Is it possible to terminate the contract early?'],
    ['cancel-threat', "Hi! I'd like to cancel my order, I ordered the wrong size. Thanks!"],
    ['legal-threat', 'My solicitor asked for a copy of the deed.'],
    ['legal-threat', 'Our legal team asked for the signed DPA.'],
    ['legal-threat', 'Should I call the police about the stolen parcel?'],
    ['legal-threat', "Hi, I'm a lawyer and need a VAT receipt for my expenses claim."],
    ['urgency', "We've got a small leak, nothing urgent. Could someone look this week?"],
    ['urgency', 'I called twice but no worries, all sorted now!'],
    ['public-threat', 'I saw your review on Trustpilot, how do I sign up?'],
    // Praise that is not a sentence of its own, or has no complaint beside it, is praise.
    ['sarcasm', 'Brilliant, thanks, that fixed it.'],
    ['sarcasm', 'The new dashboard is lovely. Brilliant.'],
    // A passing "issue" (a few points) does not make praise sarcastic.
    ['sarcasm', 'Great job, thanks, it works now! The sync issue is gone.'],
    ['supervisor-demand', "I'm the office manager at a small practice, could you send a quote?"],
    ['supervisor-demand', 'The store manager approved the return yesterday.'],
    ['accusation', "I've been with you ten years and never had a problem."],
    ['accusation', 'The car was dented in a car park (not your fault at all).'],
    ['accusation', 'Honestly you lot are legends, fixed in minutes.'],
    ['negative-emotion', 'Can you please stop sending me the paper statements?'],
    ['repeat-contact', "The page timed out, I'll try again tomorrow."],
    ['cancel-threat', 'Our legal team needs your DPA to sign off the renewal.'],
    ['public-threat', 'How do I leave a review for the engineer?'],
    ['insult', 'My crown fell out eating toffee, my own stupid fault.'],
    ['insult', 'Two missed collections in a row, this is getting beyond a joke.'],
    ['cancel-threat', "I'm switching from the monthly plan to the annual one."],
    ['cancel-threat', 'Yeah thanks for cancelling my booking without telling me.'],
    ['repeat-contact', 'Sorted, thanks.\nBest\nMaria\nSupport'],
    ['urgency', 'The parcel arrived on Tuesday, all good, thanks!'],
    ['sarcasm', "My 'Urgent Care Plus' add-on renewal failed, can you retry it?"],
    ['sarcasm', "Does the 'unlimited' data plan include roaming?"],
    ['negative-emotion', 'My son was furious when the game crashed, can you help him log back in?'],
    ['negative-emotion', 'My wife is fed up with the buffering in the evenings. Is there a better router?'],
    ['insult', 'I know this is a stupid question but where do I find my policy number?'],
    ['legal-threat', 'We have a lasting power of attorney for my dad. Can we get that noted on the account?'],
    ['sarcasm', 'Does the warranty cover water damage? Asking for a friend (my toddler and a sippy cup).'],
    ['urgency', 'Am I entitled to a refund if I cancel within 14 days? Just reading the terms.'],
    ['negative-emotion', 'Hello, my daughter gets very anxious at the dentist. Is anyone good with nervous children?'],
    ['sarcasm', "Hello, the word 'premium' is misspelt on your pricing page."],
    ['sarcasm', "Is the 'Premium' plan billed monthly or yearly?"],
    ['public-threat', "I'd happily leave you a review if there was a way to do it in-app - is there?"],
    ['legal-threat', 'Wow, that was quick - dispute resolved and money back in 24 hours. Thank you!'],
    ['legal-threat', 'Please can I book Milo in for his booster? Any afternoon next week. Thanks, Sue'],
    ['cancel-threat', "Hi, I'm switching to you from my current supplier on the 14th. Do I need a meter reading?"],
    ['insult', 'The new dashboard is not rubbish at all, just different.'],
    ['cancel-threat', "I'll be cancelling my old card next week, so please update the payment method."],
    ['insult', "It's a joke gift for my brother, could you leave the price off the slip?"],
    ['public-threat', "I'll be telling my friends about you, best vet we've had. Could you send the invoice?"],
    ['public-threat', "I'm writing about my hotel booking for June."],
    ['public-threat', "I'd like to leave a review for the technician who fixed our boiler, he was great. Where do I do that?"],
    ['urgency', 'Is the urgent treatment centre open on Sundays?'],
    ['cancel-threat', 'Yeah thanks for cancelling my booking without telling me, really appreciate it.'],
    ['cancel-threat', 'My card was blocked twice this week!! Please cancel the old card and send a new one.'],
    ['supervisor-demand', 'Thanks for escalating it to the tech team, I appreciate it.'],
    ['cancel-threat', "Could we review the pricing for next year? We're happy with the service."],
    ['sarcasm', 'A £45 top-up went through twice, could you refund one?'],
    ['shouting', 'I moved to the US in May; the AT&T engineer comes at 9 AM. Our IT team has the ID.'],
    // 1.17.0: the new phrasings' hard negatives.
    ['public-threat', "I'll be telling all my friends about you! Best service I've had."],
    ['accusation', 'The app charged me twice for the same session. Could you refund one of them?'],
    ['accusation', 'LOL your error page with the dancing cat made my day.'],
    ['cancel-threat', 'How long does a new SIM take to activate after porting my number across?'],
    ['insult', 'Your cat is an absolute menace, so sorry about that!'],
    ['negative-emotion', 'Ah brilliant, the reset worked. Sorry for the panic earlier!'],
    ['legal-threat', 'I raised a dispute 6 weeks ago and nobody has replied.'],
    // Having switched is news, not a threat, unless the message is hostile.
    ['cancel-threat', 'Please close my account, I have switched to another provider.'],
    // 1.18.0: the new phrasings' hard negatives.
    ['repeat-contact', 'Hi, I contacted you last month about a printer issue and it was fixed. Thanks'],
    ['cancel-threat', "We're reviewing our vendors this quarter. Could you send over your SOC 2 report?"],
    ['negative-emotion', 'Hi there, when is the hard rubbish collection this year? Cheers'],
    // 1.19.0: a fault that recurs is a failure, not a repeat contact; sincere reviews and policies.
    ['repeat-contact', 'Your fraud team has blocked my card for the third time this week.'],
    ['public-threat', "You made it so easy. I will definitely be leaving a review!"],
    ['cancel-threat', "Can you send me my no claims proof please? I'm switching to my husband's policy."],
    ['cancel-threat', 'Please can I pay monthly instead of annually from next renewal? Thanks'],
    ['accusation', 'Thanks for sorting the courtesy car so quickly.'],
    // 1.20.0: a joke that is not about the company; no pressure at the customer's convenience.
    ['insult', "Ha, autocorrect made a joke of my last message, I meant 'size 8'!"],
    ['insult', 'The old app was a bit of a joke, honestly, but this new version is great.'],
    ['urgency', 'Please update my address at your earliest convenience.'],
    ['urgency', 'Got it, thank you! Boarding passes are on my phone now.'],
    ['service-failure', 'Opening hours on bank holiday Monday?'],
    ['legal-threat', "hello this is mr patel i'm ringing about the council tax letter i got, could someone check please"],
    ['profanity', 'Do you still sell the Bloody Mary mix in the big 1L bottle?'],
    ['urgency', 'Kindly share the latest account statement at the earliest. Thanks and regards, Suresh'],
    ['accusation', 'Just wanted to say your driver, Kev, went above and beyond today. Legend.'],
    ['insult', 'I need as much help as possible with the migration, please.'],
    ['cancel-threat', "We're moving the team from the Starter to the Growth plan next month. Not time-sensitive."],
    ['urgency', 'Could you confirm my appointment at 3 on Friday? Thanks'],
    ['repeat-contact', 'Hi! Just bought 2 tickets for the Saturday show but put the wrong email. Can you resend them?'],
    ['legal-threat', "I'd like to dispute a transaction on my card that I don't recognise. Could you advise the next steps?"],
    ['accusation', "Hi, we've just started taking card payments through you. Where is your chargeback policy?"],
    ['insult', "Can I book the clowns for my son's 6th birthday through your app?"],
    ['insult', 'Sorry, total muppet moment on my part - I booked the wrong date.'],
    ['cancel-threat', "How do I export my data? I've decided to go with another provider. Thanks for everything."],
    ['negative-emotion', 'Can the coach booking include a stop at the church on the way?'],
    ['legal-threat', "Please send me the form to dispute a transaction, I don't recognise a £12 charge."],
  ])('%s: %s', (reason, text) => {
    expect(reasonIds(text)).not.toContain(reason);
  });

  test.each([
    ['please cancel my subscription, thanks'],
    ["I don't want to cancel, I love the product"],
    ['my manager asked me to request an invoice'],
    ['Hi, could you help me update my billing address? Thanks!'],
  ])('calm: %s', (text) => {
    expect(classifyMessage(text, rules).level).toBe('calm');
  });

  test.each([
    ['Hola, quiero cancelar mi cuenta porque el servicio es muy malo', 'es'],
    ['Bonjour, je voudrais annuler mon abonnement, merci', 'fr'],
    ['Ich bin sehr unzufrieden mit dem Service und will mein Geld zurück', 'de'],
    ['これは本当にひどいサービスです。返金してください。', 'und'],
    ['Это ужасный сервис, верните деньги немедленно', 'und'],
  ])('not English is not assessed (never calm): %s', (text, language) => {
    const v = classifyMessage(text, rules);
    expect(v.level).toBe('not-assessed');
    expect(v.language).toBe(language);
    expect(v.reasons).toEqual([]);
  });
});

describe('email structure', () => {
  test('quoted history and signatures are ignored, spans still index the input', () => {
    const text = 'Thanks, that worked.\n\nOn Mon, 3 Jun 2024, Support <help@acme.test> wrote:\n> This is bullshit, I will sue you\n';
    expect(classifyMessage(text, rules).level).toBe('calm');
    const sig = 'All good now.\n\nBest regards,\nJane Doe\nHead of Useless Complaints Dept\nSent from my iPhone';
    expect(reasonIds(sig)).not.toContain('insult');
    const live = 'WHY is this still broken?!\n> old quoted text';
    const v = classifyMessage(live, rules);
    for (const r of v.reasons) for (const s of r.spans) expect(live.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('evidence', () => {
  test('quotes the words that carried a reason, not every weak word beside them', () => {
    const v = classifyMessage('Three weeks later there is STILL no refund on my card.', rules);
    const failure = v.reasons.find((r) => r.id === 'service-failure');
    expect(failure?.spans.map((s) => s.text)).toEqual(['no refund']);
    expect(failure?.ruleIds.length).toBeGreaterThan(1);
  });

  test('a word worth three fifths of the strongest is not quoted either ("refund" beside "no refund")', () => {
    const v = classifyMessage("I'm writing about the same refund. Three weeks later there is STILL no refund on my card.", rules);
    expect(v.reasons.find((r) => r.id === 'service-failure')?.spans.map((s) => s.text)).toEqual(['no refund']);
  });
});

describe('threads', () => {
  const t: ThreadMessage[] = [
    { author: 'customer', text: 'Hi, my order has not arrived yet. Could you check? Thanks' },
    { author: 'agent', text: 'This is bullshit, sorry, internal joke' , internal: true },
    { author: 'agent', text: 'We are looking into it.' },
    { author: 'customer', text: '<p>This is the third time I ask. I want to speak to a manager NOW!!!</p><blockquote>We are looking into it.</blockquote>', html: true },
  ];
  test('scores only customer messages, latest weighs most, did our reply help', () => {
    const v = classifyThread(t, rules);
    expect(v.messageIndexes).toEqual([0, 3]);
    expect(v.messages).toHaveLength(2);
    expect(v.level).toBe('heated');
    expect(v.trajectory).toBe('rising');
    expect(v.afterLastReply).toBe('hotter');
    expect(v.reasons.every((r) => r.message === 3)).toBe(true);
    expect(v.reasons.map((r) => r.id)).toContain('supervisor-demand');
  });
  test('no reply yet, calmer, unanswered follow-ups, not assessed', () => {
    expect(classifyThread([t[0]!], rules).afterLastReply).toBe('no-reply-yet');
    const calmer = classifyThread([t[3]!, { author: 'agent', text: 'Done, refunded.' }, { author: 'customer', text: 'Thank you, all sorted.' }], rules);
    expect(calmer.afterLastReply).toBe('calmer');
    expect(calmer.trajectory).toBe('falling');
    const nag = classifyThread([t[0]!, t[0]!, { author: 'customer', text: 'Hello?' }], rules);
    expect(nag.reasons.map((r) => r.id)).toContain('unanswered-follow-ups');
    const foreign = classifyThread([{ author: 'customer', text: 'Hola, quiero cancelar mi cuenta porque el servicio es muy malo' }], rules);
    expect(foreign.level).toBe('not-assessed');
    expect(classifyThread([], rules).messages).toEqual([]);
  });
  test.each([
    // [what, thread, customer messages scored latest first]
    ['a heated latest message: older ones weigh too little to matter', [...Array(40).fill(t[0]!), { author: 'agent', text: 'Looking.' }, t[3]!], 3],
    ['calm messages after a heated one: back to it, which still outweighs a score of 0', [t[3]!, ...Array(30).fill({ author: 'customer', text: 'Thank you, all sorted.' })], 31],
    ['a message in another language: only that one', [...Array(10).fill(t[3]!), { author: 'customer', text: 'Hola, quiero cancelar mi cuenta porque el servicio es muy malo' }], 1],
  ] as [string, ThreadMessage[], number][])('latest first: %s', (_what, thread, scored) => {
    const whole = classifyThread(thread, rules);
    const head = classifyThread(thread, rules, { latestOnly: true });
    expect(head.messages).toHaveLength(scored);
    expect(head.unscored ?? 0).toBe(whole.messages.length - scored);
    expect([head.level, head.score, head.reasons, head.trajectory, head.afterLastReply]).toEqual([whole.level, whole.score, whole.reasons, whole.trajectory, whole.afterLastReply]);
    expect(whole.unscored).toBeUndefined();
  });
});

describe('rules as data', () => {
  test.each(seedFiles())('seed $file parses with the app schema', ({ seed }) => {
    expect(TensionSeedSchema.safeParse(seed).success).toBe(true);
  });
  test('every rule id is unique and every verdict names the rules version', () => {
    const ids = seedFiles().flatMap(({ seed }) => ((seed as { rules?: Array<{ id: string }> }).rules ?? []).map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(classifyMessage('hi', rules).rulesVersion).toMatch(/\ben\b.*@\d/);
  });
  test('thresholds come from the seeds and can be overridden', () => {
    expect(DEFAULT_THRESHOLDS.tense).toBeLessThan(DEFAULT_THRESHOLDS.heated);
    const strict = loadTensionRules(seedFiles().map((s) => s.seed), { thresholds: { tense: 90, heated: 95 } });
    expect(classifyMessage('My lawyer will be in touch.', strict).level).toBe('calm');
  });
  test('bad seeds fail with a path that says where', () => {
    const en = { language: 'en', version: '1', rules: [{ id: 'x', reason: 'insult', match: 'a', weigth: 3 }] };
    expect(() => loadTensionRules([en])).toThrowErrorMatchingInlineSnapshot(`
      [Error: invalid tension seed
      seeds[0].rules[0].weight: expected number
      seeds[0].rules[0]: unknown key "weigth" (check the spelling)]
    `);
    expect(() => loadTensionRules([{ language: 'en', version: '1', rules: [{ id: 'x', reason: 'insult', match: 'ab*', weight: 3 }] }])).toThrowErrorMatchingInlineSnapshot(`[Error: seeds[0].rules[0] (x).match: prefix "ab*" in "ab*" needs at least 3 letters before "*"]`);
    expect(() => loadTensionRules([{ language: 'en', version: '1', rules: [{ id: 'x', reason: 'insult', match: 'sooo bad', weight: 3 }] }])).toThrowErrorMatchingInlineSnapshot(`[Error: seeds[0].rules[0] (x).match: "sooo" in "sooo bad" never matches: messages are read with letter runs of 3+ as one letter ("so")]`);
    expect(() => loadTensionRules([{ language: 'en', version: '1', rules: [{ id: 'x', reason: 'insult', match: '~nope', weight: 3 }] }])).toThrowErrorMatchingInlineSnapshot(`[Error: seeds[0].rules[0] (x).match: unknown list "~nope" in "~nope" (lists: )]`);
    expect(() => loadTensionRules([{ language: 'english', version: '1' }])).toThrowErrorMatchingInlineSnapshot(`
      [Error: invalid tension seed
      seeds[0].language: use "*" or an ISO 639 code such as "en"]
    `);
  });
});

describe('known misses', () => {
  // Understated complaints with no cue word: the facts carry the frustration.
  test.fails.each([
    ["I'm not sure how a 2-day delivery turned into 11 days, but here we are."],
  ])('tense without a cue word: %s', (text) => {
    expect(classifyMessage(text, rules).level).toBe('tense');
  });
});

describe('negation and conditions', () => {
  // A negator inside a condition ("if", "unless") stops at the threat's own subject; outside one it reaches it.
  test.each([
    ['public-threat', 'If it is not delivered I shall write to the Yorkshire Post.'],
    ['cancel-threat', "If this isn't resolved I'm closing every account I have with you."],
    ['legal-threat', "If you ring me one more time about a debt that isn't mine I'm reporting you to the FCA."],
  ])('conditional threat after a negator: %s', (reason, text) => {
    expect(reasonIds(text)).toContain(reason);
  });
  test.each([['I do not think I will cancel, I just want it fixed.'], ['Not sure I will cancel yet, just want it fixed.']])('negated threat stays calm: %s', (text) => {
    expect(classifyMessage(text, rules).level).toBe('calm');
  });
});
