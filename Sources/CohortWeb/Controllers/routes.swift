import Vapor

func routes(_ app: Application) throws {
    try app.register(collection: PublicController())
    try app.register(collection: HealthController())
    try app.register(collection: APIController())
    try app.register(collection: AuthController())
    try app.register(collection: StaffHomeController())
    try app.register(collection: OrganisationsController())
    try app.register(collection: AccountsController())
    try app.register(collection: ProgramsController())
    try app.register(collection: ProgramPartsController())
    try app.register(collection: ProgramModulesController())
    try app.register(collection: ProgramMembersController())
    try app.register(collection: CallPageController())
    try app.register(collection: ApplicationController())
    try app.register(collection: StaffApplicationsController())
    try app.register(collection: StaffDecisionsController())
    try app.register(collection: CallEditorController())
    try app.register(collection: FormBuilderController())
    try app.register(collection: ApplicationAPIController())
    try app.register(collection: StaffAPIController())
    try app.register(collection: StaffTokensController())
}
