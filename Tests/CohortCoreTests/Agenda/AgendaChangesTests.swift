import Foundation
import Testing
@testable import CohortCore

@Suite struct AgendaChangesTests {
    @Test func eachKindOfChangeIsToldOnceInTheOrderOfTheDay() {
        let kept = AgendaClashTests.session(AgendaClashTests.at(7, 9), AgendaClashTests.at(7, 10), room: "Hall A")
        let toMove = AgendaClashTests.session(AgendaClashTests.at(7, 10), AgendaClashTests.at(7, 11), room: "Hall A")
        let toCancel = AgendaClashTests.session(AgendaClashTests.at(7, 11), AgendaClashTests.at(7, 12))
        let toRename = AgendaClashTests.session(AgendaClashTests.at(7, 14), AgendaClashTests.at(7, 15))
        let toRemove = AgendaClashTests.session(AgendaClashTests.at(7, 16), AgendaClashTests.at(7, 17))
        var moved = toMove
        moved.start = AgendaClashTests.at(8, 10)
        moved.end = AgendaClashTests.at(8, 11)
        var cancelled = toCancel
        cancelled.isCancelled = true
        var renamed = toRename
        renamed.title = LocalizedText(english: "ILO Convention No. 189 on domestic workers")
        var sameRoom = kept
        sameRoom.room = " hall a"
        let added = AgendaClashTests.session(AgendaClashTests.at(7, 8), AgendaClashTests.at(7, 9))
        let changes = AgendaChanges.between([kept, toMove, toCancel, toRename, toRemove], [sameRoom, moved, cancelled, renamed, added])
        #expect(changes == [.added(added), .cancelled(cancelled), .changed(from: toRename, to: renamed), .removed(toRemove),
                            .moved(from: toMove, to: moved)])
        var restored = cancelled
        restored.isCancelled = false
        #expect(AgendaChanges.between([cancelled], [restored]) == [.restored(restored)])
        #expect(AgendaChanges.between([kept], [kept]).isEmpty)
    }
}
