/// The strategy of the reference agency year, as text: `docs/strategies/reference-2024.yaml` (a test
/// keeps the two equal). `adem simulate --preset reference-2024` gives it to every simulated client.
public enum ReferenceAgencyStrategy {
    public static let yaml = #"""
# The strategy of the reference agency year (../shared/domain/social-collection.md), as the
# simulation's `--preset reference-2024` uses it: e-mail first, a letter where the law asks for one
# (the 14-day letter) or no e-mail address is known, SMS to consumers, and up to three calls before
# the file is closed. Screening only where a court case could pay (EUR 2,500 or more outstanding).
# Built into the Simulation as ReferenceAgencyStrategy.yaml; a test keeps the two equal.
name: reference-2024
steps:
  - id: pre-reminder
    action: preCollectionReminder
    channel: email
    fallback: letter
    template: pre-reminder
    wait: 0
  - id: pre-reminder-friendly
    action: preCollectionReminder
    channel: email
    template: pre-reminder-friendly
    wait: 6
  - id: letter-14
    action: reminderLetter
    channel: letter
    template: letter-14
    wait: 6
  - id: email-reminder
    action: reminder
    channel: email
    template: reminder
    wait: 0
  - id: call
    action: call
    channel: phone
    template: call
    wait: 3
  - id: sms-reminder
    action: reminder
    channel: sms
    template: reminder-sms
    wait: 3
    when:
      debtorKinds: [consumer]
  - id: email-reminder-personal
    action: reminder
    channel: email
    template: reminder-personal
    wait: 4
  - id: call-2
    action: call
    channel: phone
    template: call
    wait: 4
  - id: email-final
    action: reminder
    channel: email
    template: final-reminder
    wait: 7
  - id: call-3
    action: call
    channel: phone
    template: call
    wait: 5
  - id: sms-final
    action: reminder
    channel: sms
    template: final-reminder-sms
    wait: 3
    when:
      debtorKinds: [consumer]
      minimumAmount: "150.00"
screening:
  afterDays: 14
  minimumAmount: "2500.00"
closing:
  afterDays: 60
  reason: writtenOff

"""#
}
