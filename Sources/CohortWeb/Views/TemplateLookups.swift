import Mustache

// Mustache finds a value by name with reflection (a Mirror per lookup, per level of the
// context stack), which made a 50-row staff list spend more time on lookups than on its
// query. The views drawn many times per page answer by name directly instead.

extension ApplicationListView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "callTitle": callTitle
        case "programTitle": programTitle
        case "countText": countText
        case "filters": filters
        case "search": search
        case "from": from
        case "to": to
        case "sorts": sorts
        case "rows": rows
        case "isEmpty": isEmpty
        case "nextHref": nextHref
        case "firstHref": firstHref
        case "exportHref": exportHref
        case "exportWithIdentitiesHref": exportWithIdentitiesHref
        case "action": action
        case "publicHref": publicHref
        case "statusForm": statusForm
        case "settingsHref": settingsHref
        case "formHref": formHref
        case "reviewHref": reviewHref
        case "selectionHref": selectionHref
        default: nil
        }
    }
}

extension ApplicationListView.Row: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": href
        case "checkboxName": checkboxName
        case "reference": reference
        case "name": self.name
        case "status": status
        case "country": country
        case "sector": sector
        case "eligible": eligible
        case "isIneligible": isIneligible
        case "submitted": submitted
        default: nil
        }
    }
}

extension ApplicationListView.Choice: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "value": value
        case "label": label
        case "selected": selected
        default: nil
        }
    }
}

extension ApplicationListView.Filter: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "label": label
        case "choices": choices
        default: nil
        }
    }
}

extension FieldView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "label": label
        case "id": id
        case "hint": hint
        case "hintID": hintID
        case "value": value
        case "error": error
        case "errorID": errorID
        case "describedBy": describedBy
        case "inputType": inputType
        case "isInput": isInput
        case "isTextarea": isTextarea
        case "isSelect": isSelect
        case "isHidden": isHidden
        case "isCheckbox": isCheckbox
        case "isChecked": isChecked
        case "options": options
        case "required": required
        case "readOnly": readOnly
        case "autocomplete": autocomplete
        case "isRadios": isRadios
        case "isCheckboxes": isCheckboxes
        case "inputMode": inputMode
        case "accept": accept
        case "groupHeading": groupHeading
        case "groupHint": groupHint
        default: nil
        }
    }
}

extension FormField.Option: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "value": value
        case "label": label
        case "selected": selected
        case "id": id
        case "name": self.name
        default: nil
        }
    }
}

// Every lookup that no inner view answers climbs to the page: answer it without reflection.
extension Page: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": layout
        case "content": content
        default: nil
        }
    }
}

extension Layout: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "isError": isError
        case "stylesheet": stylesheet
        case "accountName": accountName
        case "isStaff": isStaff
        case "csrf": csrf
        case "flash": flash
        case "trail": trail
        case "lang": lang
        case "isApplicantPage": isApplicantPage
        case "languageLinks": languageLinks
        case "languageLabel": languageLabel
        case "links": links
        default: nil
        }
    }
}

extension SiteLinks: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "home": home
        case "signIn": signIn
        case "signOut": signOut
        case "staffHome": staffHome
        case "apiTokens": apiTokens
        case "ownPassword": ownPassword
        case "staffPrograms": staffPrograms
        case "organisations": organisations
        case "accounts": accounts
        case "reviewHome": reviewHome
        default: nil
        }
    }
}

extension StatusFormView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "action": action
        case "csrf": csrf
        case "selectName": selectName
        case "back": back
        case "choices": choices
        default: nil
        }
    }
}

// The call page is the first page every applicant opens; all of its views answer by name.

extension CallPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "t": t
        case "title": title
        case "paragraphs": paragraphs
        case "deadline": deadline
        case "deadlineISO": deadlineISO
        case "callZone": callZone
        case "localTimeScript": localTimeScript
        case "isOpen": isOpen
        case "notice": notice
        case "languages": languages
        case "eligibility": eligibility
        case "privacy": privacy
        case "contact": contact
        case "startForm": startForm
        case "isSample": isSample
        default: nil
        }
    }
}

extension FormView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "action": action
        case "submitLabel": submitLabel
        case "csrf": csrf
        case "fields": fields
        case "cancelHref": cancelHref
        case "errorSummary": errorSummary
        case "hasErrors": hasErrors
        case "isMultipart": isMultipart
        case "errorSummaryTitle": errorSummaryTitle
        case "errorPrefix": errorPrefix
        case "optionalText": optionalText
        case "secondaryLabel": secondaryLabel
        case "autosave": autosave
        case "grid": grid
        case "fieldsAfter": fieldsAfter
        default: nil
        }
    }
}

extension FormView.ErrorLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": href
        case "message": message
        default: nil
        }
    }
}

extension Layout.LanguageLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "href": href
        case "lang": lang
        case "isCurrent": isCurrent
        default: nil
        }
    }
}

extension Layout.Crumb: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "href": href
        default: nil
        }
    }
}
