// Roezan accounts as template input, and the app settings they become. The app binds
// Roezan:Accounts:{accountId} (RoezanAccountOptions); the webhook secret of each account lives in
// Key Vault as roezan-webhook-secret-{accountId}, never in app settings.

@export()
@description('One Roezan account: its webhook URL is /api/roezan/{id}/events and its events go to one GHL location.')
type roezanAccount = {
  @description('Roezan account id, as in the webhook route. App setting names allow only letters, digits, periods and underscores.')
  @minLength(1)
  id: string

  @description('The GHL location (sub-account) this account feeds.')
  @minLength(1)
  ghlLocationId: string

  @description('ISO 3166 region for phone numbers written without a country code (default US).')
  @minLength(2)
  @maxLength(2)
  defaultPhoneRegion: string?

  @description('IANA time zone used to resolve due dates such as "tomorrow at 3" (default America/New_York).')
  timeZone: string?

  @description('Culture (BCP 47) in which SMS templates format dates and times (default en-US).')
  locale: string?

  @description('Which flows run: contacts-only, contacts-and-history or everything (default everything).')
  preset: ('contacts-only' | 'contacts-and-history' | 'everything')?
}

@export()
@description('The Roezan__Accounts__{id}__* app settings of the given accounts.')
func roezanAccountSettings(accounts roezanAccount[]) {*: string} =>
  reduce(
    accounts,
    {},
    (settings, account) =>
      union(settings, {
        'Roezan__Accounts__${account.id}__GhlLocationId': account.ghlLocationId
        'Roezan__Accounts__${account.id}__DefaultPhoneRegion': account.?defaultPhoneRegion ?? 'US'
        'Roezan__Accounts__${account.id}__TimeZone': account.?timeZone ?? 'America/New_York'
        'Roezan__Accounts__${account.id}__Locale': account.?locale ?? 'en-US'
      }, account.?preset == null ? {} : {
        'Roezan__Accounts__${account.id}__Preset': account.preset!
      })
  )
